"""Whole pages in Han, kana and Hangul: site furniture, browser titles, dated link lists."""

from __future__ import annotations

import pytest

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify
from tui.text.line import make_line
from tui.text.line_kinds import CLOCK_OR_DATE
from tui.text.model import Reason


def _reasons(text: str, rules: BoilerplateRules) -> list[tuple[str, Reason | None]]:
    """(stripped line, reason) for every non-blank line, in order."""
    lines = text.splitlines()
    return [(ln.strip(), r) for ln, r in zip(lines, classify(lines, rules), strict=True)
            if ln.strip()]


# Site furniture written from each language, one line alone: what the pattern alone says.
FURNITURE = [
    ("ホーム", Reason.NAVIGATION), ("サイトマップ", Reason.NAVIGATION),
    ("お問い合わせ", Reason.NAVIGATION), ("ページの先頭へ", Reason.NAVIGATION),
    ("PAGETOP", Reason.NAVIGATION), ("利用規約", Reason.LEGAL),
    ("プライバシーポリシー", Reason.LEGAL), ("関連記事", Reason.RELATED),
    ("人気記事", Reason.RELATED), ("こちらの記事も合わせてどうぞ", Reason.RELATED),
    ("シェア", Reason.SHARE), ("スポンサーリンク", Reason.ADVERT),
    ("写真：共同通信", Reason.CAPTION), ("出典：総務省", Reason.CREDIT),
    ("投稿日：2019年11月20日", Reason.BYLINE), ("2013年04月09日", Reason.BYLINE),
    ("【TEL】 03-5809-2727(代表) 【FAX】 03-5809-2350", Reason.OTHER),
    ("〒101-0032", Reason.OTHER), ("記事の無断転載を禁じます", Reason.LEGAL),
    ("首页", Reason.NAVIGATION), ("联系我们", Reason.NAVIGATION),
    ("关于我们", Reason.NAVIGATION), ("返回顶部", Reason.NAVIGATION),
    ("登录", Reason.NAVIGATION), ("注册", Reason.NAVIGATION),
    ("上一篇：城市图书馆将试行夜间开放", Reason.NAVIGATION),
    ("版权所有 © 2019 北城新闻", Reason.LEGAL), ("沪ICP备12345678号", Reason.LEGAL),
    ("隐私政策", Reason.LEGAL), ("相关阅读", Reason.RELATED), ("分享到", Reason.SHARE),
    ("来源：新华网", Reason.CREDIT), ("责任编辑：王明", Reason.BYLINE),
    ("图/新华社", Reason.CAPTION), ("标签：城市更新", Reason.TAGS),
    ("홈", Reason.NAVIGATION), ("로그인", Reason.NAVIGATION), ("회원가입", Reason.NAVIGATION),
    ("개인정보처리방침", Reason.LEGAL), ("무단전재 및 재배포 금지", Reason.LEGAL),
    ("저작권자 ⓒ 엔터미디어", Reason.LEGAL), ("많이 본 뉴스", Reason.RELATED),
    ("뒤로가기 인쇄하기 목록 Tweet", Reason.SHARE), ("[사진=연합뉴스]", Reason.CAPTION),
    ("사진=연합뉴스", Reason.CAPTION), ("홍길동 기자 hong@example.co.kr", Reason.BYLINE),
    ("2019년 11월 20일", Reason.BYLINE), ("2019-11-20 10:32", Reason.BYLINE),
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE, ids=[f[0] for f in FURNITURE])
def test_cjk_site_furniture_is_named_by_its_words(rules: BoilerplateRules, line: str,
                                                  reason: Reason) -> None:
    hit = rules.match(line)
    assert hit is not None and hit[0] is reason


@pytest.mark.parametrize("line", [
    "市立図書館は、利用規約を改めて来月から夜間開館を始める。",
    "首页改版后，网站的访问量比去年同期增长了三成。",
    "该公司表示，版权所有者有权要求平台删除侵权内容。",
    "로그인 기록이 유출됐다는 의혹에 회사는 사실이 아니라고 밝혔다.",
])
def test_cjk_sentences_that_name_furniture_are_no_furniture(rules: BoilerplateRules,
                                                            line: str) -> None:
    assert rules.match(line) is None


def test_dates_of_han_kana_and_hangul_are_dates() -> None:
    for text in ("2016年08月03日", "2019년 11월 20일", "2019-11-20", "11月20日"):
        assert CLOCK_OR_DATE.search(make_line(0, text).text), text
    assert not CLOCK_OR_DATE.search("2016年の商標法改正")


# A browser title whose site name in Han and kana is longer than six words (two
# characters to a word), above a menu, a breadcrumb ending in the headline, the headline.
JA_BROWSER_TITLE = """商品の改造が商標法違反に！？ | 特許業務法人ライトハウス国際特許事務所

MENU

お客様のブランドをお守りします。商標登録出願ならライトハウス国際特許事務所［東京・千代田区］

HOME
サービスのご案内
お客様の声

HOME >
ブログ >
商品の改造が商標法違反に！？

商品の改造が商標法違反に！？

先日、不正に改造したスマートフォンを販売したとして、商標法違反の疑いで男性が逮捕されたというニュースを耳にしました。

通常、権利者により正規のルートで販売された商品をそのまま転売する場合は、商標権侵害にはなりません。
"""


def test_the_headline_under_a_browser_title_with_a_long_cjk_site_name(
        rules: BoilerplateRules) -> None:
    got = _reasons(JA_BROWSER_TITLE, rules)
    kept = [text for text, r in got if r is None]
    assert kept[0] == "商品の改造が商標法違反に！？"
    assert len(kept) == 3  # the headline and the two paragraphs; the rest is furniture
    assert got[0][1] is Reason.DUPLICATE
    assert got[2][1] is not None  # the banner sentence above the headline


# A link box after the body: each headline (some in corner brackets, some asking a
# question) over its date, the dates claimed by the date pattern.
JA_DATED_LINKS = """人気の図書館

市立中央図書館は二十日、子どもと保護者を対象にした新しい読書イベントを来月から始めると発表した。

イベントでは毎週土曜日に絵本の読み聞かせを行うほか、季節ごとに作家を招いた講演会も開く予定だという。

関連記事

2013年04月09日

「あずきバー」事件 －商標の判決シリーズ

2016年08月03日

「体脂肪測定器」と「体重計」は類似する？－商標の判決シリーズ

検索
"""


def test_headlines_between_dates_after_the_body_are_links(rules: BoilerplateRules) -> None:
    got = dict(_reasons(JA_DATED_LINKS, rules))
    assert got["「あずきバー」事件 －商標の判決シリーズ"] is not None
    assert got["「体脂肪測定器」と「体重計」は類似する？－商標の判決シリーズ"] is not None
    body = [text for text, r in got.items() if text.startswith(("市立", "イベント"))]
    assert len(body) == 2 and all(got[text] is None for text in body)


# No browser title: a menu whose entries are as long as a headline (four or five words at
# two characters a word), then the headline over its date line.
ZH_MENU_PAGE = """网站首页
新闻中心
产品展示与服务介绍
企业文化建设动态
人力资源招聘信息

上海市推出新一轮城市更新行动计划

2019-11-20 10:32 来源：新华网

上海市政府20日发布新一轮城市更新行动计划，提出到2025年完成中心城区零星二级以下旧里改造。

计划指出，城市更新将坚持留改拆并举、以保留保护为主的原则，注重历史风貌保护与居民生活改善相结合。
"""


def test_a_dated_headline_wins_over_a_menu_entry_where_no_stoplist_fits(
        rules: BoilerplateRules) -> None:
    got = dict(_reasons(ZH_MENU_PAGE, rules))
    assert got["上海市推出新一轮城市更新行动计划"] is None
    assert got["产品展示与服务介绍"] is Reason.NAVIGATION
    assert got["2019-11-20 10:32 来源：新华网"] is not None


# Where no stoplist fits, a later line with only a name-like line under it ("Learn More")
# does not take the title from the first headline: a date or time must stand under it.
RU_PAGE = """Новый стадион откроют в Казани весной

Добро пожаловать на наш новостной сайт
Learn More

Строительство нового стадиона в Казани завершится весной, сообщили в мэрии города в понедельник.

На стадионе будут проходить матчи местной команды, а также городские праздники и концерты.
"""


def test_a_name_under_a_later_line_does_not_move_the_title(rules: BoilerplateRules) -> None:
    got = dict(_reasons(RU_PAGE, rules))
    assert got["Новый стадион откроют в Казани весной"] is None
