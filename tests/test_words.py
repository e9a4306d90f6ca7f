"""Words and sentence ends in every script: the measures and the cleaning that uses them."""

from __future__ import annotations

import pytest

from tui.config import load_config
from tui.text.line import make_line
from tui.text.line_kinds import FULL_STOP, is_header_widget
from tui.text.model import BlockKind, Record
from tui.text.pipeline import Pipeline
from tui.text.structure import mark_headings, mark_title, segment
from tui.text.words import count_words, tokens

JA_SENTENCE = "北町市は、市立中央図書館の開館時間を来月から午後九時まで延長すると発表した。"
ZH_SENTENCE = "北城市政府宣布，从下个月起，市立中央图书馆的开放时间将延长至晚上九点。"


@pytest.mark.parametrize(("text", "words"), [
    ("The library opens late.", 4),
    ("don't stop", 3),                       # Line words split at the apostrophe, as before
    ("악녀의 덫에 걸린 이유리", 4),            # Hangul is spaced: counted by spaces
    ("市立図書館", 3),                         # five Han characters: two per word, rounded up
    (JA_SENTENCE, 18),                       # 36 letters, the comma and stop not counted
    ("ภาษาไทยง่ายนิดเดียว", 5),                # Thai: four characters a word, rounded up
    ("iPhoneを改造", 3),                       # a Latin run plus three kana/Han characters
])
def test_words_are_counted_in_every_script(text: str, words: int) -> None:
    assert count_words(text) == words
    assert make_line(0, text).words == words


def test_reader_count_keeps_compounds_whole_and_counts_unspaced_scripts() -> None:
    assert count_words("don't stop a well-known man", compounds=True) == 5
    assert count_words(ZH_SENTENCE, compounds=True) == 16


def test_every_unspaced_character_is_a_token_and_the_middle_dot_is_none() -> None:
    assert tokens("事務所・アクセス") == ("事", "務", "所", "ア", "ク", "セ", "ス")
    assert tokens("Hello 世界") == ("hello", "世", "界")


@pytest.mark.parametrize("text", [JA_SENTENCE, ZH_SENTENCE, "本当にそうなのか？",
                                  "「よかった。」", "यह एक वाक्य है।"])
def test_sentence_ends_of_other_scripts(text: str) -> None:
    assert make_line(0, text).ends_sentence


def test_full_stop_of_cjk_is_a_full_stop() -> None:
    assert FULL_STOP.search("と話している。")
    assert not FULL_STOP.search("関連記事")


def test_cjk_clause_commas_are_inner_punctuation_and_quotes_open_a_quote() -> None:
    assert make_line(0, "開館時間を延長し、試行する").has_inner_punctuation
    assert make_line(0, "「より多くの人に使ってもらいたい」と話した").is_quote


def test_a_line_without_case_is_not_lower_case() -> None:
    assert not make_line(0, "駅前に新しい公園が完成").is_lowercase
    assert make_line(0, "politik ekonomi").is_lowercase


def test_an_unspaced_headline_is_no_header_widget() -> None:
    assert not is_header_widget(make_line(0, "市立図書館、夜間開館を試行へ"))
    assert is_header_widget(make_line(0, "経済"))


def test_headings_in_caseless_scripts() -> None:
    para = JA_SENTENCE
    text = "\n\n".join(["図書館の新しい試み", para, "利用者の声", para, "なぜ夜なのか？", para])
    blocks = segment(text.split("\n"), [None] * len(text.split("\n")))
    mark_title(blocks, None)
    mark_headings(blocks)
    assert [b.text for b in blocks if b.kind is BlockKind.HEADING] == ["利用者の声",
                                                                         "なぜ夜なのか？"]


JA_PAGE = """市立図書館、夜間開館を試行へ | 北町ニュース

ホーム
地域
経済
スポーツ
お問い合わせ

市立図書館、夜間開館を試行へ

2024年5月10日

北町市は、市立中央図書館の開館時間を来月から午後九時まで延長する試みを始めると発表した。
仕事帰りの市民から、平日の夜にも本を借りたいという声が多く寄せられていたという。
試行期間は三か月で、利用者数や職員の負担を調べたうえで、本格的な実施を判断する。
市の担当者は「より多くの人に図書館を使ってもらいたい」と話している。

関連記事
駅前に新しい公園が完成
夏祭りの日程が決定

利用規約
プライバシーポリシー
Copyright © Kitamachi News All rights reserved.
"""

ZH_PAGE = """城市图书馆将试行夜间开放 - 北城新闻

首页
本地
财经
体育

城市图书馆将试行夜间开放

北城市政府宣布，从下个月起，市立中央图书馆的开放时间将延长至晚上九点。
许多上班族市民反映，希望在工作日晚上也能借书。
试行期为三个月，市政府将根据读者人数和工作人员的负担决定是否正式实施。

相关新闻
车站前新公园落成

版权所有 © 北城新闻
"""


@pytest.mark.parametrize(("page", "body", "title"), [
    (JA_PAGE, range(13, 17), "市立図書館、夜間開館を試行へ"),
    (ZH_PAGE, range(10, 13), "城市图书馆将试行夜间开放"),
], ids=["ja", "zh"])
def test_a_cjk_page_keeps_its_body_and_drops_its_menus(page: str, body: range,
                                                        title: str) -> None:
    doc = Pipeline(load_config().analysis).analyse(Record(id="p", title=None, text=page),
                                                   detect_language=False)
    kept = {n for b in doc.blocks if b.is_content for n in range(b.lines[0], b.lines[1] + 1)}
    lines = page.splitlines()
    menu = {n for n, t in enumerate(lines, 1) if t in ("ホーム", "経済", "首页", "财经")}
    assert set(body) <= kept
    assert not menu & kept
    assert doc.title == title
    assert doc.meta.words >= 50  # the body's characters, two to a word; not one per line
