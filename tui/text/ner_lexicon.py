"""The hand-written cue words of the rule-based recogniser: titles, organisation heads, fixed names.

All entries are lower-case and compared with a token's lower-cased form. The languages are
mixed on purpose: a cue is rarely a false friend in another language, and articles quote
each other across languages.
"""

from __future__ import annotations

from tui.text.model import Label


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(" ".join(p.lower().split()) for p in text.split("|") if p.strip())


# Words that stand before a person's name as a title or role; a capitalised run that starts
# with them continues with the name (Presiden Joko Widodo, Menteri Luar Negeri Sergei Lavrov).
PERSON_TITLES = _words(
    """
    presiden wapres wakil menteri menlu menhan menkeu mendagri gubernur wagub bupati walikota
    wali camat lurah ketua kepala direktur dirut sekretaris sekjen jenderal jendral
    letjen mayjen brigjen laksamana marsekal kolonel kapten mayor komisaris kapolri kapolda
    kapolres panglima kasad jaksa hakim senator anggota duta dubes juru jubir
    pemimpin penasihat perdana raja ratu pangeran putri sultan syekh sheikh kardinal paus
    uskup imam ustaz ustadz kiai kyai habib haji hajah pak bapak bu ibu saudara sdr tuan
    nyonya nona dr drs ir prof profesor datuk dato tun encik cik yb yab
    perdana ceo cfo coo pendiri founder chairman kombes kombespol akbp kompol akp iptu ipda
    aiptu aipda bripka brigadir briptu irjen komjen kapolsek kasat kasatreskrim dandim
    analis ekonom pengamat peneliti pelatih kiper pemain penyerang gelandang bek kapten wasit
    pebulu tangkis pebalap petinju atlet runner player striker midfielder goalkeeper
    defender forward captain coach manager driver rider champion winger
    rektor dekan rector dean kasi kasie kasubag kasubbag kasatlantas kasatreskoba
    councillor councilor councilman councilwoman alderman commissioner dirjen sesjen
    deputi kadis kabid kasubdit kadiv
    kabag plh inspektur asisten
    danrem pangdam kasal kasau wamen plt pj pjs stafsus
    president vice prime minister secretary chancellor governor mayor senator congressman
    congresswoman representative rep sen gov gen lt col capt sgt adm judge justice
    spokesman spokeswoman spokesperson ambassador envoy commissioner chief director
    chairwoman head leader king queen prince princess pope cardinal bishop rabbi
    mr mrs ms miss dr prof sir dame lord lady madam
    präsident präsidentin bundeskanzler bundeskanzlerin kanzler kanzlerin minister
    ministerin herr frau sprecher sprecherin botschafter
    président présidente ministre premier première porte-parole monsieur madame mme mlle
    m. ambassadeur chancelier
    presidente ministro ministra primer primera portavoz señor señora sr sra don doña
    embajador canciller porta-voz senhor senhora deputado deputada
    """
)

# Words inside a title phrase between the title and the name ("Menteri Luar Negeri",
# "Foreign Minister", "National Security Adviser"): skipped when looking for the name.
TITLE_FILLERS = _words(
    """
    luar negeri dalam keuangan pertahanan keamanan nasional besar agung utama muda madya
    staf khusus
    pelaksana harian sementara tugas
    bicara kota umum eksekutif jenderal rakyat daerah republik federal pertama
    kabinet koordinator bidang politik hukum ekonomi perdagangan perindustrian pertanian
    kesehatan pendidikan agama sosial perhubungan energi investasi bumn luar
    foreign defence defense interior home finance national security adviser advisor state
    general attorney executive deputy vice prime chief first senior assistant under
    treasury commerce trade health education justice energy affairs white house press
    auswärtigen außenminister außenministerin affaires étrangères étrangères asuntos
    exteriores relaciones relações exteriores
    """
)

# Endings of (German) compound titles: "Gesundheitsminister", "Betriebsratschef".
TITLE_SUFFIXES = (
    "minister", "ministerin", "chef", "chefin", "präsident", "präsidentin", "sprecher",
    "sprecherin", "vorsitzende", "vorsitzender", "trainer", "kanzler", "kanzlerin",
)

# Lower-case words right before a name that mark a person (role nouns, speech verbs).
PERSON_CUES_BEFORE = _phrases(
    """
    kata | ujar | ucap | tutur | jelas | tegas | ungkap | imbuh | tambah | kata dia |
    said | says | told | spokesman | spokeswoman | spokesperson | minister |
    president | premier | chancellor | leader | chief | adviser | advisor | ambassador |
    sagte | sagt | laut | selon | a déclaré | dijo | según | disse | segundo |
    juru bicara | jubir | menteri | presiden | pemimpin | putra | putri | ayah | ibu | istri |
    suami | anak | kakak | adik | dipimpin | pelatih | penyanyi | aktor | aktris | kosmonot |
    astronaut |
    penulis | wartawan | tersangka | terdakwa | pengacara | kuasa hukum | politikus |
    politisi | ekonom | pengamat | analis | peneliti | CEO | founder | coach | singer |
    actor | actress | writer | journalist | suspect | lawyer | economist | analyst |
    senator | governor | mayor | pengusaha | businessman
    """
)

# Lower-case words right after a name that mark a person ("..., kata Peskov" is before).
PERSON_CUES_AFTER = _phrases(
    """
    mengatakan | berkata | menyatakan | menjelaskan | menegaskan | mengungkapkan |
    meminta | mendesak | memastikan | mengimbau | menyampaikan | menerangkan | menyebut |
    mengaku | membantah | menampik | menuturkan | berharap | menilai | mengklaim |
    menambahkan | menuturkan | berujar | menilai | mengaku | bilang | said | says | told |
    added | wrote | sagte | sagt | a déclaré | a dit | dijo | afirmó | disse | afirmou
    """
)

# Lower-case words right before an unknown name that mark an organisation (when nothing
# marks a person): "maskapai Trigana Air", "shares of Novartis", "the carmaker BYD".
ORG_CUES_BEFORE = _phrases(
    """
    perusahaan | maskapai | emiten | produsen | pabrikan | startup | perusahaan rintisan |
    operator | klub | partai | lembaga | harian | koran | portal berita | saham | raksasa |
    raksasa teknologi | grup | konglomerasi | syarikat | kelab |
    company | firm | carrier | airline | automaker | carmaker | drugmaker | chipmaker |
    maker | lender | insurer | retailer | brokerage | newspaper | broadcaster | club |
    conglomerate | shares of | shares in | unit of | subsidiary | tech giant | giant |
    start-up | entreprise | société | groupe | empresa | compañía | firma | unternehmen |
    konzern | constructeur | fabricante
    """
)

# Words that make a capitalised run an organisation wherever they stand in it.
ORG_HEADS = _words(
    """
    kementerian kemenkeu kemenlu kemendagri kemenhan kemenkes departemen badan dewan komisi
    lembaga organisasi otoritas sekuritas komite mapolda mapolres mabes kejati kejari
    rsud rsup rs puskesmas klinik hospital clinic
    kejagung museum museo musée gallery
    majelis mahkamah pengadilan kejaksaan kepolisian polda polres kodam korem universitas
    institut sekolah akademi politeknik yayasan partai perusahaan bank bursa kantor berita
    pemerintah pemkot pemkab pemprov dinas biro direktorat asosiasi himpunan ikatan
    persatuan perhimpunan serikat federasi konfederasi organisasi kelompok aliansi angkatan
    armada tentara pasukan markas koperasi maskapai perum persero pt cv tbk bhd sdn
    kementerian kerajaan parlimen jabatan suruhanjaya majlis syarikat pertubuhan
    ministry department agency council commission committee university college institute
    academy school court parliament congress senate assembly party bank corporation
    corp company inc ltd llc plc gmbh ag sa spa nv bv co group holdings association union
    federation foundation fund authority bureau office board service services agency
    administration center centre centres centers institution reserve airlines airways
    railways organization organisation organizations club motors
    news times post journal herald tribune press network broadcasting airlines airways
    army navy force forces police guard brigade battalion
    ministerium bundesministerium bundestag bundesrat partei gericht universität hochschule
    gesellschaft verband stiftung bundesamt amt
    ministère université assemblée conseil commission parti banque société tribunal bourse
    sénat cour fc cf sc ac vfl vfb sv tsv real atlético atletico borussia sporting olympique
    rassemblement mouvement movimiento movimento
    ministerio universidad asamblea consejo comisión partido banco sociedad tribunal bolsa
    congreso senado juzgado audiencia
    ministério universidade assembleia conselho comissão partido banco sociedade câmara
    congresso justiça supremo fundação fundación fondation instituto associação asociación
    advocacia federação federación
    """
)

# Words that make a capitalised run a place ("Kabupaten Gowa", "Lake Toba", "Hudson River").
PLACE_HEADS = _words(
    """
    kabupaten provinsi kecamatan desa kelurahan kampung dusun pulau kepulauan gunung sungai
    danau selat teluk laut samudra samudera tanjung bandara pelabuhan stadion jalan jl
    lapangan alun-alun kota gedung menara pasar masjid gereja pura vihara klenteng candi
    county province river island islands lake mount mountains strait sea ocean bay gulf
    airport stadium street avenue square valley desert peninsula canal shoal reef highway
    insel fluss bezirk landkreis flughafen
    lac mont rivière île îles aéroport plateau col palais
    palacio palácio palast
    río isla islas lago monte aeropuerto provincia
    rio ilha ilhas aeroporto província
    """
)

# Head words that end an English name ("Deutsche Bank", "Federal Reserve", "Apple Inc").
ORG_TAILS = _words(
    """
    ministry department agency council commission committee university college institute
    academy school court parliament congress senate assembly party bank corporation corp
    company inc ltd llc plc gmbh ag sa spa nv bv co group holdings association union
    federation foundation fund authority bureau office board service services news times
    post journal herald tribune press network broadcasting airlines airways army navy force
    forces police guard administration center centre centres centers institution reserve
    railways organization organisation organizations
    county province river island islands lake mountains strait sea ocean bay gulf airport
    stadium street avenue square valley desert peninsula canal shoal reef highway
        club clubs motors
    """
)

# Words that end a name only after other capitalised words ("Trigana Air", "Republic
# Records", "Manchester United", "Mariana Trench"), never start one.
TAILS_ONLY: dict[str, Label] = {
    **dict.fromkeys(
        _words(
            """
            air records studios pictures entertainment media capital partners ventures
            technologies technology labs systems pharmaceuticals pharma solutions industries
            enterprises brands foods energy logistics united rovers wanderers athletic
            """
        ),
        Label.ORG,
    ),
    **dict.fromkeys(_words("trench ridge basin canyon glacier falls heights"), Label.PLACE),
}

# Fixed organisation names (lower-cased; matched as whole token sequences).
ORG_NAMES = _phrases(
    """
    kremlin | gedung putih | white house | pentagon | downing street | elysee | élysée |
    istana | istana negara | istana merdeka | istana kepresidenan | bundestag | knesset |
    reuters | afp | ap | associated press | bloomberg | tass | interfax | ria novosti |
    xinhua | yonhap | kyodo | bernama | antara | kompas | tempo | detik | cnn | bbc | cna |
    al jazeera | nikkei | the guardian | new york times | washington post | wall street journal |
    nato | pbb | un | onu | asean | apec | opec | who | imf | wto | fifa | uefa | ioc | unesco |
    unicef | unhcr | eu | uni eropa | european union | union européenne | unión europea |
    federal reserve | the fed | bank dunia | world bank | kpk | dpr | mpr | dpd | tni | polri |
    bpk | bpjs | ojk | bi | mk | ma | kpu | bawaslu | bnpb | bmkg | bps | pln | pertamina |
    garuda indonesia | telkom | bumn | pdip | pdi-p | gerindra | golkar | nasdem | pkb | pks |
    pan | demokrat | psi | perindo | umno | pkr | dap | pas | bersatu | barisan nasional |
    pakatan harapan | perikatan nasional | sprm | macc | pdrm | atm | hamas | hizbullah |
    hezbollah | taliban | isis | al-qaeda | al qaeda | wagner | google | apple | microsoft |
    amazon | meta | facebook | tesla | samsung | toyota | huawei | tiktok | openai | nvidia |
    sukhoi | boeing | airbus | gazprom | rosneft | fbi | cia | nsa | nasa | roscosmos | kgb |
    fsb | sec | g20 | g7 | brics | icc | icj | oecd | oic | oki | gcc | afc | congress |
    kongres | senate | senat | parliament | parlemen | parlimen | supreme court | bulog |
    house of representatives | house of commons | house of lords | state department |
    european commission | komisi eropa | uni afrika | african union | red cross |
    palang merah | united nations | perserikatan bangsa-bangsa | nations unies |
    naciones unidas | vereinte nationen | nações unidas | goldman sachs | morgan stanley
    | jpmorgan | jp morgan | citigroup |
    blackrock | berkshire hathaway | alibaba | tencent | bytedance | foxconn | tsmc |
    volkswagen | bmw | mercedes-benz | siemens | nestle | nestlé | unilever | shell | bp |
    exxonmobil | chevron | aramco | petronas | maybank | cimb | grab | gojek | tokopedia |
    shopee | bukalapak | traveloka | labour | labour party | conservatives | tories |
    conservative party | liberal democrats | democrats | republicans | gop | democratic party |
    republican party | bjp | cdu | csu | spd | afd | die grünen | fdp | anc | kmt | dpp |
    ldp | likud | pdi perjuangan | partai golkar | partai gerindra | partai demokrat |
    partai nasdem | basarnas | bappenas | bakamla | kemenag | kemendikbud | kemenkumham |
    nahdlatul ulama | muhammadiyah | senayan | who | pssi | bpom |
    kemenkes | kemenlu | kemenkeu
    """
)

# Fixed place names the gazetteer lacks: regions and short forms used in the news.
PLACE_NAMES = _phrases(
    """
    timur tengah | asia tenggara | asia timur | asia selatan | asia tengah | eropa timur |
    eropa barat | semenanjung korea | laut china selatan | laut cina selatan | indo-pasifik |
    middle east | southeast asia | east asia | south asia | central asia | eastern europe |
    western europe | korean peninsula | south china sea | indo-pacific | gaza strip |
    jalur gaza | tepi barat | west bank | palestina | palestine | turkey | turki | türkiye |
    inggris | britain | great britain | tiongkok | cina | rrt | hong kong | taiwan | kosovo |
    timur jauh rusia | krimea | crimea | donbas | donbass | kharkiv | kherson | zaporizhzhia |
    mariupol | bakhmut | avdiivka | odesa | lviv | dnipro | sumatera | jawa | kalimantan |
    sulawesi | papua | nusantara | ikn | borneo | semenanjung malaysia | silicon valley |
    wall street | ibu kota nusantara | dki jakarta | jabodetabek | nusa tenggara timur |
    nusa tenggara barat | ntt | ntb | democratic republic of congo |
    democratic republic of the congo | republik demokratik kongo | dr congo | new york
    city | jatim | jateng | jabar | sumut | sumbar | sulsel |
    kaltim | kalbar | diy | sumsel | sulut | sulteng | sultra | sulbar | kalsel | kalteng |
    kaltara | kepri | malut | pabar | yogyakarta | yogya | jogja | solo | bekasi | tangerang | depok
    """
)

# Capitalised acronyms that are places.
PLACE_ACRONYMS = _words("as us usa u.s. uk uae ri rrc rrt prc drc dki ue")

# Capitalised acronyms and words that are no entity at all (plus the months and days,
# which the gazetteer brings).
NOT_ENTITIES = _words(
    """
    bbm pdb gdp ppn pph umkm apbn apbd phk ktp sim ham hut wib wita wit utc gmt covid
    covid-19 ceo cfo coo pm am rt rw sd smp sma smk s1 s2 s3 tv dll dsb dst yth ok
    ai it ipo etf gdp cpi kpr kur lpg bbm ott pns asn tki pmi hiv aids dna rna mrt lrt krl
    pr hp wa wifi ekonomi bisnis politik olahraga hiburan berita nasional internasional
    internet email online ri1 vs eps per ttd nb ps pdg pib bip pil ceo dg dbd npl ielts toefl
    vat gst sst nik natal lebaran idulfitri iduladha imlek waisak nyepi ramadan ramadhan
    christmas easter
    npwp sdm ump umr ihsg ojol kkn bumd bbm sppd tps sop pdb yoy mtm qtq ytd eps roe roa
    baca juga simak lihat tonton foto video sumber bagikan share tags tag
    """
)

# Words that make their capitalised run an event or a title of a work: no entity.
EVENT_HEADS = _words(
    """
    piala olimpiade kejuaraan liga turnamen festival pemilu pilpres pilkada ktt konferensi
    pekan cup championship championships olympics olympic games tournament league festival
    summit conference election elections war perang operasi operation tour giro vuelta
    """
)

# Adjectives of nationality: never the start of a person's name ("Soviet Yuri Gagarin").
DEMONYMS = _words(
    """
    soviet russian american british english chinese japanese korean french german indian
    israeli palestinian ukrainian european iranian turkish saudi brazilian australian
    indonesian malaysian singaporean thai vietnamese filipino african asian arab dutch swiss
    swedish norwegian danish finnish polish greek belgian austrian nigerian kenyan
    italian spanish portuguese mexican canadian pakistani egyptian syrian iraqi afghan
    """
)

# Lower-case adjectives that end an organisation's name right after its head word.
NAME_ADJECTIVES = _words(
    """
    nationale national nationaux nacional federal fédéral fédérale générale general geral
    européenne europea europeu constitutionnel constitucional suprême supremo supremă
    """
)

# Words that join capitalised tokens inside a person's name.
NAME_JOINERS = _words("bin binti van von der den de da dos das del della al el ibn abu ten ter")

# Words that join the parts of an organisation's or place's name ("University of Oxford").
ORG_JOINERS = _words("of for on de des du del della der für pour da do dos das")

# Words that join two parts of one organisation or title ("Badan Riset dan Inovasi
# Nasional", "Menteri Energi dan Sumber Daya Mineral") but also two separate names.
AND_JOINERS = _words("dan and & und et y e")
