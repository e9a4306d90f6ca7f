"""Whole pages in their many shapes: browser titles, menus, footers (pages written for the test)."""

from __future__ import annotations

import pytest
from clean_helpers import reasons_by_line as _reasons

from tui.config import load_config
from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify, classify_page
from tui.text.line import make_line
from tui.text.line_kinds import is_button
from tui.text.model import Reason, Record
from tui.text.pipeline import Pipeline

HEADLINE = "Banjir kilat landa tiga daerah di pantai timur"
BODY = [
    "Hujan lebat sejak petang semalam menyebabkan banjir kilat di tiga daerah di negeri ini.",
    "",
    "Seramai 120 mangsa dipindahkan ke pusat pemindahan sementara yang dibuka malam tadi.",
    "",
    "Jabatan Meteorologi menjangkakan hujan berterusan sehingga hujung minggu ini.",
]
MENU = ["Utama", "Nasional", "Dunia", "Sukan", "Hiburan", ""]


def _page(browser_title: str, headline: str = HEADLINE) -> list[str]:
    return [browser_title, "", *MENU, headline, "Oleh Aminah Yusof", "", *BODY]


@pytest.mark.parametrize("browser_title", [
    f"Berita Contoh: {HEADLINE}",           # the site's name before the headline
    f"{HEADLINE} | Berita | Sukan | Dunia | Hiburan",  # a pipe-row a pattern takes for a menu
])
def test_a_browser_title_in_another_shape_gives_way_to_the_headline_under_the_menus(
        browser_title: str, rules: BoilerplateRules) -> None:
    got = _reasons(_page(browser_title), rules)
    assert got[browser_title] is Reason.DUPLICATE
    assert got[HEADLINE] is None
    assert got["Hiburan"] is Reason.NAVIGATION


def test_a_browser_title_with_a_full_stop_gives_way_to_the_headline_without_it(
        rules: BoilerplateRules) -> None:
    browser_title = "Banjir kilat landa tiga daerah di pantai timur, ribuan terjejas."
    headline = "Banjir kilat landa tiga daerah di pantai timur, ribuan terjejas"
    got = _reasons(_page(browser_title, headline), rules)
    assert got[browser_title] is Reason.DUPLICATE
    assert got[headline] is None


REWORDED_TITLE = "Flash floods hit three districts on east coast - Harian Contoh"
REWORDED_HEADLINE = "Thousands moved as flash floods sweep three east coast districts"
ENGLISH_BODY = [
    "Heavy rain since yesterday evening caused flash floods in three districts.",
    "",
    "Some 120 people were moved to relief centres that opened overnight.",
]


def _title_of(lines: list[str], rules: BoilerplateRules) -> str | None:
    page = classify_page(lines, rules)
    return None if page.title_at is None else page.units[page.title_at].first.text


def test_a_reworded_browser_title_gives_the_title_to_the_headline_below_the_menus(
        rules: BoilerplateRules) -> None:
    lines = [REWORDED_TITLE, "", "Home", "News", "Sport", "Weather", "",
             REWORDED_HEADLINE, "By Aminah Yusof", "", *ENGLISH_BODY]
    assert _title_of(lines, rules) == REWORDED_HEADLINE
    got = _reasons(lines, rules)
    assert got[REWORDED_TITLE] is Reason.DUPLICATE
    assert got[REWORDED_HEADLINE] is None


def test_a_breadcrumb_sharing_a_word_with_the_browser_title_does_not_take_the_title(
        rules: BoilerplateRules) -> None:
    top = "Flash floods hit three districts on east coast - Harian Contoh"
    crumbs = "Home News Floods in the Valley Rescue Teams at Work Today"
    lines = [top, "", "Home", "News", "Sport", "Weather", "", crumbs, "", *ENGLISH_BODY]
    assert _title_of(lines, rules) == top


@pytest.mark.parametrize("second", [
    REWORDED_HEADLINE,  # a subtitle printed right under the title: nothing between them
    "Flash floods: some 120 people were moved to relief centres that opened overnight.",
])
def test_the_first_line_stays_the_title_over_a_subtitle_or_a_first_paragraph(
        second: str, rules: BoilerplateRules) -> None:
    menus = [] if second == REWORDED_HEADLINE else ["Home", "News", "Sport", "Weather", ""]
    title = "Flash floods hit three districts on east coast"
    lines = [title, "", *menus, second, "", *ENGLISH_BODY]
    assert _title_of(lines, rules) == title


def test_an_opening_paragraph_printed_again_is_not_taken_for_a_browser_title(
        rules: BoilerplateRules) -> None:
    first = BODY[0]
    lines = [first, "", *BODY[2:], "", first]
    got = classify(lines, rules)
    assert got[0] is None


def _in_body(line: str, rules: BoilerplateRules) -> Reason | None:
    """The reason of `line` standing alone between paragraphs of a short article."""
    lines = [BODY[0], "", BODY[2], "", line, "", BODY[4], "",
             "Penduduk kampung menyambut baik langkah itu kerana banjir berlaku setiap tahun."]
    return classify(lines, rules)[4]


# Appeals, comment widgets, embeds and credits, each in the languages its pattern covers
# (Malay written out on its own); every line written for the test.
FURNITURE = [
    ("Subscribe to Berita Contoh and stay ahead with our best writers.", Reason.PROMO),
    ("Need more news? Subscribe to our sister title for the latest stories!", Reason.PROMO),
    ("No spam, we promise. You can unsubscribe at any time.", Reason.PROMO),
    ("Anda boleh berhenti melanggan pada bila-bila masa.", Reason.PROMO),
    ("Anda bisa berhenti berlangganan kapan saja.", Reason.PROMO),
    ("Join our reader forums to keep talking about the news of the day!", Reason.PROMO),
    ("Sertai forum kami untuk terus berbincang tentang isu semasa.", Reason.PROMO),
    ("No comments yet", Reason.OTHER),
    # A notice to an old browser, in several of the pattern languages.
    ("We've detected you are on Internet Explorer. For the best experience, please update "
     "to a modern browser.", Reason.OTHER),
    ("Bitte aktualisieren Sie Ihren Browser, um diese Seite zu sehen.", Reason.OTHER),
    ("Seu navegador está desatualizado.", Reason.OTHER),
    ("Silakan perbarui browser Anda untuk pengalaman terbaik.", Reason.OTHER),
    ("Belum ada komen", Reason.OTHER),
    ("Note: we are temporarily moderating all comments submitted.", Reason.OTHER),
    ("Komen anda akan disaring sebelum disiarkan.", Reason.OTHER),
    ("Comentários ofensivos não serão aprovados pelo moderador.", Reason.OTHER),
    ("Ikuti kami", Reason.SHARE),
    ("Follow us on:", Reason.SHARE),
    ("How the flood spread through the valley, in 60 seconds  Play Video1:01", Reason.CAPTION),
    ("Volunteers fill sandbags outside the town hall. (Ahmad Zaki/Berita Contoh)",
     Reason.CAPTION),
    ("More from Berita Contoh...", Reason.RELATED),
    # Malay furniture, written from the language.
    ("Langgan surat berita kami untuk berita terkini setiap pagi", Reason.PROMO),
    ("Klik di sini untuk mengikuti perkembangan terkini", Reason.PROMO),
    ("Pandangan yang dinyatakan di sini adalah pendapat peribadi penulis.", Reason.OTHER),
    ("No. 28, Jalan Contoh 3/2, Taman Contoh", Reason.OTHER),
    ("53000 Kuala Lumpur, Malaysia", Reason.OTHER),
    ("Salin pautan", Reason.SHARE),
    ("Hakcipta Terpelihara Berita Contoh Sdn Bhd", Reason.LEGAL),
    ("Terma Penggunaan", Reason.LEGAL),
    ("Artikel ini pertama kali disiarkan di laman Berita Contoh", Reason.CREDIT),
    ("Gambar oleh Ahmad Zaki", Reason.CAPTION),
    ("Subscribe today for just $1.99 a month and read Berita Contoh without limits.",
     Reason.PROMO),
    ("Langgan sekarang dengan RM9.90 setiap bulan untuk akses penuh.", Reason.PROMO),
    # Bylines with their dates, site furniture.
    ("By Aminah Yusof Updated Nov 13, 2019, 10:28am EST", Reason.BYLINE),
    ("By Aminah Yusof, Ahmad Zaki on Monday, November 18th, 2019 at 11:08 a.m.", Reason.BYLINE),
    ("Share All sharing options for: Floods sweep three districts", Reason.SHARE),
    ("Follow Harian Contoh online:", Reason.SHARE),
    ("Log in or sign up", Reason.NAVIGATION),
    ("RSS feed (all stories on Harian Contoh)", Reason.NAVIGATION),
    ("The Latest", Reason.RELATED),
    # A wire photo's caption, a gallery's controls.
    ("In this Dec. 12, 2006, file photo, made available by NASA, an astronaut works outside.",
     Reason.CAPTION),
    ("Enlarge Image", Reason.CAPTION),
    ("Image 1 of / 5", Reason.CAPTION),
    ("Back to Gallery", Reason.CAPTION),
    # A form's field labels.
    ("First & Last Name", Reason.OTHER),
    ("Email Address", Reason.OTHER),
    ("Address 1", Reason.OTHER),
    ("Nama penuh", Reason.OTHER),
    # A box of videos.
    ("JUST WATCHED", Reason.RELATED),
    ("More Videos ...", Reason.RELATED),
    ("(16 Videos)", Reason.RELATED),
    # A video player's own texts.
    ("Video Player is loading.", Reason.OTHER),
    ("Beginning of dialog window. Escape will cancel and close the window.", Reason.OTHER),
    ("Remaining Time - 0:00", Reason.OTHER),
    ("captions and subtitles off, selected", Reason.OTHER),
    ("50% 75% 100% 125% 150% 175% 200% 300% 400%", Reason.OTHER),
    # Language switchers.
    ("English | Bahasa Melayu | 中文", Reason.NAVIGATION),
    ("Read in English", Reason.NAVIGATION),
    ("Baca dalam Bahasa Inggeris", Reason.NAVIGATION),
    ("阅读简体中文版 閱讀繁體中文版", Reason.NAVIGATION),
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_page_furniture_between_paragraphs(line: str, reason: Reason,
                                           rules: BoilerplateRules) -> None:
    assert _in_body(line, rules) is reason


# Body sentences near those words, which stay content.
NOT_FURNITURE = [
    "Penduduk diminta melanggan amaran banjir melalui aplikasi rasmi jabatan itu.",
    "The council said residents could subscribe to flood alerts, which many did last year.",
    "Readers who commented on the plan were divided, the paper said (Ahmad Zaki).",
    "She said more from the state would follow before the end of the month.",
    "Peniaga di Jalan Contoh berkata jualan merosot sejak banjir melanda minggu lalu.",
    "Penduduk boleh klik pada pautan di laman rasmi majlis untuk memohon bantuan segera.",
    "Gambar yang tular di media sosial menunjukkan air naik hingga paras pinggang.",
    "Pandangan penduduk tentang projek itu dikumpul oleh majlis sepanjang bulan lalu.",
    # Prices discussed in the body: the subscription and the price are in other clauses.
    "If you were to subscribe to all three services separately, you would pay $17.99 "
    "per month, so the bundle saves $60 a year.",
    "Jika pengguna melanggan kedua-dua perkhidmatan itu, mereka akan membayar RM40 sebulan.",
    "She read in English at school and in Bahasa Melayu at home, her mother said.",
    "Must watch television, the critic called it, and the ratings agreed with him.",
    "By Tuesday the council had voted on the plan, on November 12, 2019, as promised.",
    "By Friday on 15 March 2019 the river had burst its banks.",
    "By November 2019, the company had sold five million units of the phone.",
    "This image of the galaxy was taken in 2019 by the new telescope, the agency said.",
    "This photo shows the moment the bridge collapsed into the river on Monday.",
    # A browser in the news.
    "The company said it would update its browser next year after complaints from users.",
]


@pytest.mark.parametrize("line", NOT_FURNITURE)
def test_body_sentences_near_those_words_stay(line: str, rules: BoilerplateRules) -> None:
    assert _in_body(line, rules) is None


def test_an_author_bio_with_a_handle_closes_the_page(rules: BoilerplateRules) -> None:
    bio = ("Aminah Yusof (@aminahy) is a contributor at Berita Contoh and the host of a "
           "weekly radio show on the economy.")
    lines = [HEADLINE, "", *BODY, "", bio]
    assert classify(lines, rules)[-1] is Reason.BYLINE


def test_a_long_copyright_footer_is_legal(rules: BoilerplateRules) -> None:
    footer = ("© 2024 Berita Contoh Sdn Bhd. Hak cipta terpelihara. " + "Penggunaan laman ini "
              "tertakluk kepada terma penggunaan dan dasar privasi kami yang dikemas kini " * 6)
    lines = [HEADLINE, "", *BODY, "", footer.strip()]
    assert len(lines[-1].split()) > 80
    assert classify(lines, rules)[-1] is Reason.LEGAL


def test_a_long_body_paragraph_opening_with_copyright_words_stays(
        rules: BoilerplateRules) -> None:
    paragraph = ("Copyright law, the minister said, would be reviewed next year " * 12).strip()
    paragraph += "."
    lines = [HEADLINE, "", BODY[0], "", paragraph, "", BODY[2], "", BODY[4]]
    assert classify(lines, rules)[4] is None


TAGS = ("banjir kilat, pantai timur, pusat pemindahan, Jabatan Meteorologi, hujan lebat, monsun, "
        "banjir kilat kelantan, banjir kilat terengganu, mangsa banjir, amaran cuaca buruk")


def test_a_keyword_list_under_a_tags_label_goes_however_long(rules: BoilerplateRules) -> None:
    after = "Pembaca boleh mengikuti ruangan terbaru penulis kami setiap minggu di laman ini."
    lines = [HEADLINE, "", *BODY, "", "Tags", "", TAGS, "", after]
    got = classify(lines, rules)
    assert got[lines.index("Tags")] is Reason.TAGS
    assert got[lines.index(TAGS)] is Reason.TAGS


def test_a_list_of_names_in_the_body_is_not_a_keyword_list(rules: BoilerplateRules) -> None:
    lines = [HEADLINE, "", BODY[0], "", TAGS, "", BODY[2], "", BODY[4]]
    assert classify(lines, rules)[4] is None


RANKED = ["Paling Dibaca", "", "1", "", "Harga minyak sawit naik buat minggu ketiga", "", "2", "",
          "Pasukan negeri mara ke separuh akhir piala", "", "3", "",
          "Jalan utama ditutup sementara untuk kerja baik pulih", "", "4", "",
          "Festival buku antarabangsa kembali tahun depan"]


def test_a_ranked_box_of_links_after_the_body_goes(rules: BoilerplateRules) -> None:
    lines = [HEADLINE, "", *BODY, "", *RANKED]
    got = _reasons(lines, rules)
    assert {got[ln] for ln in RANKED if ln} == {Reason.RELATED}
    assert got[BODY[4]] is None


def test_a_ranked_box_goes_through_headlines_that_ask_or_end_with_a_stop(
        rules: BoilerplateRules) -> None:
    ranked = ["Most Read", "", "1", "", "How many calories can the brain burn by thinking?", "",
              "2", "", "Cows swept out to sea were found grazing on an island", "",
              "3", "", "Objective reality does not exist, quantum experiment shows", "",
              "4", "", "Two infants were buried in helmets. Archaeologists are puzzled.", "",
              "5", "", "Can a person survive eating only beef?"]
    lines = [HEADLINE, "", *BODY, "", *ranked]
    got = _reasons(lines, rules)
    assert {got[ln] for ln in ranked if ln} == {Reason.RELATED}
    assert got[BODY[4]] is None


def test_a_ranked_box_with_a_kicker_over_each_headline_goes_with_its_name(
        rules: BoilerplateRules) -> None:
    ranked = ["Top Deals", "", "1", "Best Deal We've Found", "",
              "Game subscription codes just dropped from $60 to $25, and you would be silly "
              "not to renew yours today", "", "2", "Hurry Before It's Gone!", "",
              "A huge preview of the best holiday deals is out", "", "3", "Only A Couple Left",
              "", "Wireless earbuds that sound amazing are on sale for $85", "", "4",
              "Just Restocked", "", "My monitor is so much better than yours, and it costs $99"]
    lines = [HEADLINE, "", *BODY, "", *ranked]
    got = _reasons(lines, rules)
    assert {got[ln] for ln in ranked if ln} == {Reason.RELATED}
    assert got[BODY[4]] is None


def test_numbered_steps_with_a_short_title_over_a_sentence_stay(
        rules: BoilerplateRules) -> None:
    items = ["1", "Move valuables up", "",
             "Keep papers in a waterproof bag before the water rises.",
             "", "2", "Switch off power", "", "Never touch wet electrical equipment in a flood.",
             "", "3", "Follow the authorities", "", "Shelters are open in schools and halls."]
    lines = [HEADLINE, "", *BODY, "", *items, "", BODY[0]]
    got = _reasons(lines, rules)
    assert [got[ln] for ln in items if ln and not ln.isdigit()] == [None] * 6


def test_a_numbered_list_with_text_under_each_item_stays(rules: BoilerplateRules) -> None:
    items = ["1", "", "Pindahkan barang berharga ke tempat tinggi", "",
             "Simpan dokumen penting di dalam beg kalis air sebelum air naik.", "",
             "2", "", "Matikan suis utama elektrik di rumah anda", "",
             "Elak menyentuh peralatan elektrik yang basah semasa banjir.", "",
             "3", "", "Ikuti arahan pihak berkuasa tempatan setiap masa", "",
             "Pusat pemindahan dibuka di sekolah dan dewan orang ramai."]
    lines = [HEADLINE, "", *BODY, "", *items, "", BODY[0]]
    got = _reasons(lines, rules)
    assert [got[ln] for ln in items if ln and not ln.isdigit()] == [None] * 6


@pytest.mark.parametrize(("line", "reason"), [
    ("Berita Contoh is part of Contoh Media Group, an international publisher.", Reason.LEGAL),
    ("Berita Contoh, LLC is a subsidiary of Contoh Global Media, LLC.", Reason.LEGAL),
    ("Berita Contoh adalah anak syarikat Contoh Media Berhad.", Reason.LEGAL),
    ("aminah.yusof@beritacontoh.my @aminahy", Reason.BYLINE),
])
def test_an_ownership_line_or_an_address_closing_the_page(
        line: str, reason: Reason, rules: BoilerplateRules) -> None:
    lines = [HEADLINE, "", *BODY, "", line]
    assert classify(lines, rules)[-1] is reason


def test_an_ownership_sentence_inside_the_body_stays(rules: BoilerplateRules) -> None:
    line = "The channel is part of Contoh Media Group, which bought it in 2019."
    more = "Pihak berkuasa turut menghantar bot penyelamat ke kawasan yang terputus hubungan."
    lines = [HEADLINE, "", BODY[0], "", line, "", BODY[2], "", BODY[4], "", more]
    assert classify(lines, rules)[4] is None


def test_a_button_under_a_banner_is_neither_a_byline_nor_a_headline_s_mark(
        rules: BoilerplateRules) -> None:
    headline = "Council approves new budget for flood defences along the river"
    banner = "Welcome to the Example News Network's Europe Experience"
    lines = [headline, "", banner, "", "Learn More", "",
             "The council voted on Tuesday to spend more on the walls that keep the river out.",
             "", "Jane Doe and John Roe Example News", "Published 7:07 PM EST Nov 19, 2019", "",
             "The vote came after three winters of floods that closed the market square and "
             "the bridge for weeks at a time.", "",
             "Work on the first wall is to start in the spring, the council said in a statement."]
    got = _reasons(lines, rules)
    assert got[banner] is Reason.PROMO
    assert got["Learn More"] is Reason.PROMO
    assert got[headline] is None
    doc = Pipeline(load_config().analysis).analyse(Record("b", "\n".join(lines)),
                                                   detect_language=False)
    assert doc.title == headline


@pytest.mark.parametrize(("text", "button"), [
    ("Learn More", True), ("Read more »", True), ("Baca selengkapnya", True),
    ("Saiba mais", True), ("Subscribe now", True),
    ("Learn Moreau", False), ("Will Smith", False), ("Read More Books Than Ever Before", False),
])
def test_button_texts_are_told_from_names(text: str, button: bool) -> None:
    assert is_button(make_line(0, text)) is button


def test_the_browser_title_copied_under_a_trending_list_of_cut_teasers_is_the_headline(
        rules: BoilerplateRules) -> None:
    title = "The man whose duvet nearly killed him: how a medical mystery was solved"
    trending = ["Stalled talks raise the threat of another long impasse",
                "And the award nomination this year could go to...",
                "Ferris wheel becomes a giant lantern for the holidays",
                "Why you should always close the door before bed"]
    lines = [title, "", "Home", "News", "Sport", "Weather", "", *trending, "",
             title, "By Sandee LaMotte", "", *ENGLISH_BODY]
    page = classify_page(lines, rules)
    assert page.title_at is not None and page.title_at > 0
    assert page.units[page.title_at].first.text == title
    got = classify(lines, rules)
    assert got[0] is Reason.DUPLICATE
    assert all(got[lines.index(t)] is not None for t in trending)


def test_a_browser_title_question_copied_under_a_menu_and_an_appeal_is_the_headline(
        rules: BoilerplateRules) -> None:
    title = "Does the mayor really own seventeen houses on the coast?"
    lines = [title, "", "Home", "News", "Videos", "Archive", "",
             "We need your help! Learn more.", "", "Home", "Fact Checks", "",
             title, "", title, "", *ENGLISH_BODY]
    page = classify_page(lines, rules)
    assert page.title_at is not None and page.title_at > 0
    got = classify(lines, rules)
    assert got[0] is Reason.DUPLICATE
    assert got[14] is None


@pytest.mark.parametrize("top", [
    "Thousands moved as flash floods sweep three east coast districts",
    "Thousands moved as flash floods sweep three east coast districts | News | Harian Contoh",
])
def test_the_browser_title_printed_again_under_a_stray_notice_is_the_headline(
        top: str, rules: BoilerplateRules) -> None:
    """A notice left content ("Thanks for contacting us.") between the menus and the printed
    headline does not keep the title on the browser's copy."""
    lines = [top, "", "Skip to main content", "",
             "Thanks for contacting us. We've received your submission.",
             "", "Home", "News", "Sport", "Weather", "", REWORDED_HEADLINE, "By Aminah Yusof",
             "", *ENGLISH_BODY]
    assert _title_of(lines, rules) == REWORDED_HEADLINE
    got = classify(lines, rules)
    assert got[0] is Reason.DUPLICATE
    assert got[11] is None
    assert got[4] is not None  # the notice above the headline is the page's, not the body


def test_a_lone_word_under_the_byline_and_a_caption_heads_the_first_section(
        rules: BoilerplateRules) -> None:
    lines = ["Flash floods hit three districts on east coast", "", "By Aminah Yusof", "",
             "Image via Getty Images", "", "Claim", "", *ENGLISH_BODY]
    assert classify(lines, rules)[6] is None


def test_a_sentence_piece_cut_at_a_dropped_link_stays_content(rules: BoilerplateRules) -> None:
    lines = [" - Polda Jatim berharap ada komunikasi yang baik dengan pihak ",
             ", tersangka kasus provokasi dan dugaan penyebaran berita bohong seputar isu ",
             ".",
             "Bila perlu, pihak keluarga juga dipersilakan melakukan upaya hukum seperti"
             " pra peradilan di pengadilan negeri.",
             "Upaya menjalin komunikasi, kata dia, juga sedang dilakukan oleh Divisi Hubungan"
             " Internasional Mabes Polri dengan pihak keluarga."]
    assert classify(lines, rules, "Polisi: Silakan Lakukan Upaya Hukum")[1] is None


def test_a_browser_title_without_the_headlines_leading_article_gives_way_to_it(
        rules: BoilerplateRules) -> None:
    top = "Flash Floods Sweep Three East Coast Districts - Harian Contoh"
    headline = "The Flash Floods Sweep Three East Coast Districts"
    lines = [top, "", "Home", "News", "Sport", "Weather", "",
             "The best news from the coast. Subscribe now for more from us.", "",
             "Newsletter", "", headline, "", *ENGLISH_BODY]
    assert _title_of(lines, rules) == headline
    assert classify(lines, rules)[0] is Reason.DUPLICATE


def test_a_caption_quoting_the_first_paragraph_over_its_credit_is_the_caption(
        rules: BoilerplateRules) -> None:
    first = ENGLISH_BODY[0]
    lines = [REWORDED_HEADLINE, "By Aminah Yusof", "", first, "",
             "Photo by Ahmad Zaki/Getty Images", "", *ENGLISH_BODY]
    got = classify(lines, rules)
    assert got[3] is Reason.CAPTION
    assert got[7] is None


TEASERS = ["Council to vote on the new bus lanes next week",
           "Two hurt as a lorry overturns on the ring road",
           "Museum reopens after a two-year refit"]


def test_a_reworded_headline_over_its_date_below_menu_teasers_is_the_title(
        rules: BoilerplateRules) -> None:
    top = "Floods sweep three east coast districts, thousands moved - Harian Contoh"
    headline = 'Thousands moved as floods sweep three districts: "We lost everything"'
    lines = [top, "", "Home", "News", "Sport", "Weather", "", *TEASERS, "", "Log In", "",
             headline, "", "Updated on: November 19, 2019 / 10:07 AM", "", *ENGLISH_BODY]
    assert _title_of(lines, rules) == headline
    got = classify(lines, rules)
    assert all(got[lines.index(t)] is not None for t in TEASERS)


def test_a_reworded_headline_under_a_notice_over_its_byline_is_the_title(
        rules: BoilerplateRules) -> None:
    top = "Floods roundup: three districts count the cost of the storm"
    headline = "Flood Roundup: Three districts count the cost of the storm"
    lines = [top, "", "Welcome to our European Union experience", "", "Learn More", "",
             headline, "", "Aminah Yusof Harian Contoh", "Published 2:16 AM EST Nov 20, 2019",
             "", *ENGLISH_BODY]
    assert _title_of(lines, rules) == headline
    assert classify(lines, rules)[0] is Reason.DUPLICATE


def test_a_dated_teaser_of_the_same_story_below_the_body_does_not_take_the_title(
        rules: BoilerplateRules) -> None:
    top = "Flash floods hit three districts on east coast - Harian Contoh"
    lines = [top, "", "Home", "News", "Sport", "Weather", "", *ENGLISH_BODY, "",
             "Flash floods: three districts count the cost", "",
             "Updated on: November 12, 2019", "",
             "The weather service expects more rain over the coast until the weekend."]
    assert _title_of(lines, rules) == top
    got = classify(lines, rules)
    assert all(got[lines.index(p)] is None for p in ENGLISH_BODY if p)


def test_a_sentence_cut_at_a_dropped_link_printed_twice_stays_content(
        rules: BoilerplateRules) -> None:
    """Two categories of a list whose names were links each read "Hadir dengan lima nominasi
    (a)" / "dalam film": the second is the list going on, not a repeat."""
    entry = ["Hadir dengan lima nominasi aktris (a)", "dalam film", "(b)", "dalam film", "."]
    lines = ["Festival film mengumumkan daftar nominasi tahun ini pada Senin malam di Jakarta.",
             "", *entry, "", "Kategori berikutnya diumumkan oleh ketua juri festival.", "",
             *entry, "", "Pemenang akan diumumkan pada malam puncak bulan depan di Jakarta."]
    got = classify(lines, rules)
    second = lines.index(entry[0], 3)
    assert got[second] is None and got[second + 1] is None


@pytest.mark.parametrize("label", [
    "You might also like....", "You may also like:", "Anda mungkin juga suka…",
    "Mungkin anda berminat", "Das könnte Sie auch interessieren", "Vous aimerez aussi :",
    "También te puede interesar", "Você também pode gostar…", "Potrebbe interessarti",
    "Dit vind je misschien ook leuk", "Вам может понравиться:",
])
def test_a_you_might_also_like_label_is_related_in_every_language(
        label: str, rules: BoilerplateRules) -> None:
    teasers = ["Have more famous people died this year", "Frozen woman mannequin fools police"]
    lines = [*ENGLISH_BODY, "", label, *teasers, "", "Heavy rain is expected to go on all week."]
    got = classify(lines, rules)
    assert got[lines.index(label)] is Reason.RELATED


@pytest.mark.parametrize("line", [
    "A Word to Our Loyal Readers",
    "Support Snopes and make a difference for readers everywhere.",
    "We do this work every day at no cost to you, but it is far from free to produce.",
    "Do you rely on Snopes reporting? Click here to support it.",
    "Une lettre à nos fidèles lecteurs",
])
def test_a_support_letters_lines_are_promo(line: str, rules: BoilerplateRules) -> None:
    assert _in_body(line, rules) is Reason.PROMO


def test_support_for_a_cause_in_the_body_stays_content(rules: BoilerplateRules) -> None:
    line = "Support for the bill grew after the floods, and the council voted for it."
    assert _in_body(line, rules) is None


BLOG_TOP = "Rhubarb Chutney Recipe | The Busy Kitchen Diary"
BLOG_HEADLINE = "Homemade Spicy Rhubarb and Apple Chutney for the Winter"
BLOG_BODY = [
    "This autumn I wanted a jar on the shelf that tastes of the garden all year round, "
    "and a chutney keeps for months.",
    "",
    "Chop the rhubarb and the apples, then simmer them with vinegar and sugar for an hour.",
    "",
    "Stir often so that nothing sticks to the pan while the chutney thickens.",
]


def _blog(crumbs: str, byline: str = "by Martha December 4, 2017") -> list[str]:
    return [BLOG_TOP, "", "Home", "About Me", "Recipes", "Crafts", "Travel", "", crumbs,
            "Some links here may earn the writer a small fee, as the notes page explains.",
            "Recipes Preserves", "", BLOG_HEADLINE, "", byline, "", *BLOG_BODY]


def test_a_breadcrumb_ending_in_the_headline_leaves_the_headline_the_title(
        rules: BoilerplateRules) -> None:
    crumbs = f"Home Recipes {BLOG_HEADLINE}"
    lines = _blog(crumbs)
    assert _title_of(lines, rules) == BLOG_HEADLINE
    got = _reasons(lines, rules)
    assert got[crumbs] is Reason.NAVIGATION
    assert got[BLOG_HEADLINE] is None
    assert got[BLOG_TOP] is Reason.DUPLICATE


def test_a_line_ending_in_the_headline_with_no_trail_root_is_no_breadcrumb(
        rules: BoilerplateRules) -> None:
    other = f"Recipes Preserves Garden {BLOG_HEADLINE}"  # a headline, not a trail
    got = _reasons(_blog(other), rules)
    assert got[other] is None


def test_a_menu_entry_over_a_name_is_not_taken_for_the_headline(
        rules: BoilerplateRules) -> None:
    lines = [BLOG_TOP, "", "Home", "About Me", "Recipes", "Crafts", "Travel", "",
             "Large Busy Kitchen Logo", "Martha Jones", "", "Small Busy Kitchen Logo", "",
             *BLOG_BODY]
    assert _title_of(lines, rules) != "Large Busy Kitchen Logo"


HOCKEY_HEADLINE = "Late goal lifts the home side past the champions"
HOCKEY_BODY = [
    "A goal two minutes into overtime capped a frantic comeback on Tuesday night, and the "
    "home side extended its unbeaten run to fifteen games.",
    "",
    "The visitors led by two late in the third period before two goals in the final four "
    "minutes sent the game to overtime.",
    "",
    "The goalkeeper stopped 27 shots as the home side improved to 14-0-1 in its last games.",
]


def _hockey(menu_teaser: str) -> list[str]:
    return [f"{HOCKEY_HEADLINE} - Valley Times", "", "Home", "Weather", "Obituaries", "",
            "Weather watch: a bit of a break, but for how long will it last?", "",
            "Sports", "Hockey", "Baseball", "", menu_teaser, "",
            "Rivals rout the visitors at home", "", "Business", "Jobs", "Homes", "",
            "Shop owners plan a new market on the square", "", "Menu Sections", "",
            HOCKEY_HEADLINE, "", "Associated Press", "", *HOCKEY_BODY]


def test_the_last_copy_of_the_headline_over_the_body_is_the_title_not_a_menu_teaser(
        rules: BoilerplateRules) -> None:
    page = classify_page(_hockey(HOCKEY_HEADLINE), rules)
    assert page.title_at is not None
    title = page.units[page.title_at]
    assert title.first.text == HOCKEY_HEADLINE
    assert title.lines[0].index == len(_hockey(HOCKEY_HEADLINE)) - len(HOCKEY_BODY) - 4


def test_a_copy_of_the_headline_above_the_body_alone_is_the_title(
        rules: BoilerplateRules) -> None:
    lines = _hockey("Rivals win again at the arena")
    page = classify_page(lines, rules)
    assert page.title_at is not None
    assert page.units[page.title_at].first.text == HOCKEY_HEADLINE


def test_a_copy_of_the_headline_after_the_body_does_not_take_the_title(
        rules: BoilerplateRules) -> None:
    lines = [*_hockey("Rivals win again at the arena"), "", "Most Popular", "",
             HOCKEY_HEADLINE, "", "Shop owners plan a new market on the square"]
    page = classify_page(lines, rules)
    assert page.title_at is not None
    assert page.units[page.title_at].lines[0].index == lines.index(HOCKEY_HEADLINE)


STICKY_HEADLINE = "Why My Neighbour Turned Her Bakery Into a Brand"


def _sticky(second_copy: bool) -> list[str]:
    top = "Why a neighbour now runs her bakery like a brand on the app she uses most - Daily"
    lines = [top, "",
             "Skip to main content", "Menu", "", STICKY_HEADLINE, "",
             "Business", "Culture", "Gear", "Science", "", "Sign In", "", "Search", "",
             "Business", "Culture", "Gear", "Science", "", "Louise Marsh", "",
             "11.15.2019 10:09 AM", ""]
    if second_copy:
        lines += [STICKY_HEADLINE, ""]
    return [*lines, *STICKY_BODY]


STICKY_BODY = [
    "Instagram has helped blur the lines between a bakery and a brand, and my neighbour "
    "now sells her loaves to followers in three countries.",
    "",
    "She started the account two years ago to show her bread to friends, she told me.",
]


def test_a_headline_in_the_sticky_header_gives_the_title_to_its_copy_over_the_body(
        rules: BoilerplateRules) -> None:
    lines = _sticky(second_copy=True)
    page = classify_page(lines, rules)
    assert page.title_at is not None
    assert page.units[page.title_at].lines[0].index == 25
    reasons = page.reasons()
    assert reasons[5] is Reason.DUPLICATE
    assert reasons[25] is None


def test_a_headline_printed_once_above_the_menus_stays_the_title(
        rules: BoilerplateRules) -> None:
    page = classify_page(_sticky(second_copy=False), rules)
    assert page.title_at is not None
    assert page.units[page.title_at].first.text == STICKY_HEADLINE


RETIRE_TOP = "How to leave work at fifty, step by step: earn, save and plan - Money Daily"
RETIRE_HEADLINE = ("How to leave work at fifty so you can travel, garden, and rest on your own "
                   "terms")
RETIRE_BODY = [
    "Leaving work early takes years of planning and a great deal of discipline.",
    "",
    "If you plan to stop at fifty, you should aim to save about thirty times what you spend "
    "in a year before you go.",
    "",
    "What that number is depends on how you want to live once the pay cheques stop coming.",
]


def _retire(under: list[str]) -> list[str]:
    return [RETIRE_TOP, "", "International", "", "Trending", "Business", "Tech", "Politics",
            "Science", "Video", "", "x", "", "from", "to", "Sent.", "", RETIRE_HEADLINE, "",
            *under, "", "facebook", "twitter", "email", "", *RETIRE_BODY]


def test_a_long_headline_over_a_name_and_its_date_below_the_menus_is_the_title(
        rules: BoilerplateRules) -> None:
    lines = _retire(["Jo Hartley, Money Daily", "", "13.11.2019, 23:06"])
    assert _title_of(lines, rules) == RETIRE_HEADLINE
    assert _reasons(lines, rules)[RETIRE_TOP] is Reason.DUPLICATE


def test_a_long_line_over_a_name_with_no_date_does_not_take_the_title(
        rules: BoilerplateRules) -> None:
    lines = _retire(["Jo Hartley, Money Daily"])
    assert _title_of(lines, rules) == RETIRE_TOP


HIGHLIGHT = "Coastal courts, however, have upheld most of the old fishing permits."
HARBOUR = [
    "Harbour Board Faces Criticism Over New Fishing Rules",
    "",
    "Published March 4th, 2021 - 09:15 GMT",
    "A fishing boat leaves the harbour at dawn. Photo: Lena Fisk / AFP",
    "Highlights",
    HIGHLIGHT,
    "",
    "The harbour board faced sharp criticism on Tuesday over its decision to change the rules.",
    "",
    "Fishermen's groups said the new limits would put dozens of small crews out of work.",
    "",
    HIGHLIGHT,
    "",
    "The board said it would hear objections from every group before the rules take effect.",
    "",
    "This article has been adapted from its original source.",
    "Via Example Wire",
]


def test_a_highlight_repeating_a_body_sentence_is_the_repeat(rules: BoilerplateRules) -> None:
    # The summary over the body is the copy; the sentence in its place is the article's.
    reasons = classify(HARBOUR, rules)
    hits = [r for ln, r in zip(HARBOUR, reasons, strict=True) if ln == HIGHLIGHT]
    assert hits == [Reason.DUPLICATE, None]


def test_a_header_line_repeated_after_the_last_paragraph_keeps_the_header_copy(
        rules: BoilerplateRules) -> None:
    # The later copy closes the page, not inside the body: it is the repeat.
    lines = [*HARBOUR[:11], "", *HARBOUR[13:], "", HIGHLIGHT]
    reasons = classify(lines, rules)
    hits = [r for ln, r in zip(lines, reasons, strict=True) if ln == HIGHLIGHT]
    assert hits[1] is not None and hits[0] is None


def test_a_highlight_under_an_unjudged_label_is_the_repeat(rules: BoilerplateRules) -> None:
    # The photo line carries no credit a pattern knows: the label above is not judged.
    lines = [*HARBOUR[:3], "A fishing boat leaves the harbour at dawn (Lena Fisk)",
             *HARBOUR[4:]]
    reasons = classify(lines, rules)
    hits = [r for ln, r in zip(lines, reasons, strict=True) if ln == HIGHLIGHT]
    assert hits == [Reason.DUPLICATE, None]


def test_a_headline_printed_in_the_header_and_the_body_keeps_the_header_copy(
        rules: BoilerplateRules) -> None:
    # Not a sentence: a headline printed again is no summary of the body.
    head = "New fishing limits divide the harbour town"
    lines = [head if ln == HIGHLIGHT else ln for ln in HARBOUR]
    reasons = classify(lines, rules)
    hits = [r for ln, r in zip(lines, reasons, strict=True) if ln == head]
    assert hits[0] is None and hits[1] is not None
