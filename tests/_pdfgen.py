"""Minutes PDFs written for the tests with reportlab's built-in Japanese CID font.

The font (HeiseiMin-W3 with the UniJIS-UCS2-H encoding) ships with reportlab and is not
embedded, so no font file is needed; PDFium and pypdf both map its codes back to Unicode.
The layout options are the page furniture real minutes carry: running headers and
footers, page numbers in several positions and forms, margin line numbers, two columns
and indented paragraphs.
"""

from __future__ import annotations

from pathlib import Path

import attrs

FONT = "HeiseiMin-W3"
SIZE = 10.5
LEADING = 18.0
WIDTH, HEIGHT = 595.0, 842.0
LEFT, TOP, BOTTOM = 72.0, 770.0, 80.0

TITLE = "第３回 市民協働のまちづくり検討委員会 議事録"
FRONT = (
    "第３回 市民協働のまちづくり検討委員会",
    "議事録",
    "１ 日 時\u3000令和６年５月２０日（月）午後２時００分～午後３時４０分",
    "２ 場 所\u3000市役所本庁舎４階 第二会議室",
    "３ 出席委員\u3000石川 直樹、中村 由美、藤田 健一、小松 早苗",
)

#: (speaker label, sentences): the speeches of the test meeting, in order.
SPEECHES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "石川委員長",
        (
            "それでは、定刻となりましたので、ただいまから第３回市民協働のまちづくり検討委員会を開会いたします。",
            "本日は、委員の皆様全員に御出席をいただいております。",
            "まず、事務局から配付資料の確認をお願いいたします。",
        ),
    ),
    (
        "佐々木協働推進課長",
        (
            "協働推進課の佐々木でございます。お手元の資料を確認させていただきます。",
            "資料１が前回の議事概要、資料２が地域活動団体へのアンケート結果、資料３が補助制度の見直し案でございます。",
            "不足がございましたら、事務局までお申し付けください。",
        ),
    ),
    (
        "石川委員長",
        (
            "ありがとうございました。それでは、議事に入ります。",
            "最初に、地域活動団体へのアンケート結果について、事務局から説明をお願いします。",
        ),
    ),
    (
        "佐々木協働推進課長",
        (
            "資料２を御覧ください。市内の町内会、自治会及び地域活動団体、合わせて二百十四団体に調査票をお送りし、百六十二団体から回答をいただきました。",
            "回答率は七十五．七パーセントでございます。",
            "活動上の課題として最も多かったのは担い手の高齢化で、全体の六割を超える団体が挙げております。",
            "次いで、活動資金の不足、会議や連絡の負担が続いております。",
            "また、補助金の申請手続が煩雑であるとの御意見が自由記述欄に数多く寄せられました。",
            "説明は以上でございます。",
        ),
    ),
    (
        "石川委員長",
        (
            "ありがとうございました。ただいまの説明について、御意見、御質問はございますか。",
            "中村委員、お願いします。",
        ),
    ),
    (
        "中村委員",
        (
            "中村でございます。担い手の高齢化が最も多いという結果は、私どもの地区の実感とも一致しております。",
            "若い世代が参加しやすいように、会議をオンラインでも開けるようにするなど、やり方の見直しが必要だと思います。",
            "市として、そうした工夫をしている団体の事例を集めて紹介していただくことはできないでしょうか。",
        ),
    ),
    (
        "佐々木協働推進課長",
        (
            "御意見ありがとうございます。事例の収集につきましては、次回の委員会までに取りまとめ、御報告いたします。",
            "あわせて、市のホームページでも紹介できるよう検討してまいります。",
        ),
    ),
    (
        "藤田委員",
        (
            "藤田です。補助金の申請手続が煩雑だという声は、私も多くの団体から伺っております。",
            "申請書の様式を簡素化するとともに、電子申請にも対応していただきたいと考えます。",
            "特に、少額の補助については、実績報告の書類をもっと減らしてもよいのではないでしょうか。",
        ),
    ),
    (
        "石川委員長",
        (
            "ありがとうございます。補助制度については、この後の議題で御議論いただく予定です。",
            "それでは、資料３の補助制度の見直し案について、事務局から説明をお願いします。",
        ),
    ),
    (
        "佐々木協働推進課長",
        (
            "資料３を御覧ください。見直しの柱は三つございます。",
            "一つ目は、申請書の様式を一枚にまとめ、記入例を添えることでございます。",
            "二つ目は、十万円以下の補助について、実績報告を領収書の写しと簡単な報告書のみとすることでございます。",
            "三つ目は、来年度から電子申請を導入することでございます。",
            "以上でございます。",
        ),
    ),
    (
        "小松委員",
        (
            "小松です。見直し案の方向性には賛成いたします。",
            "ただ、電子申請に慣れていない団体もございますので、窓口での相談や書類の作成支援も続けていただきたいと思います。",
        ),
    ),
    (
        "石川委員長",
        (
            "ありがとうございました。本日いただいた御意見を踏まえ、事務局で見直し案を修正していただき、次回改めて御審議いただきます。",
            "以上をもちまして、本日の委員会を閉会いたします。ありがとうございました。",
        ),
    ),
)

CHARS_PER_LINE = 38


def wrapped_lines(chars: int = CHARS_PER_LINE) -> list[tuple[str, bool]]:
    """The minutes as printed lines: ``(text, opens a paragraph)``, speeches wrapped at
    ``chars`` characters, each sentence its own paragraph after the first."""
    lines: list[tuple[str, bool]] = [(line, False) for line in FRONT]
    for label, sentences in SPEECHES:
        for k, sentence in enumerate(sentences):
            text = f"○{label}\u3000{sentence}" if k == 0 else sentence
            first = True
            while text:
                # 禁則: a line never opens with a closing mark; it stays on the line before.
                cut = chars
                while cut < len(text) and text[cut] in "。、」）":
                    cut += 1
                lines.append((text[:cut], k > 0 and first))
                text, first = text[cut:], False
    return lines


@attrs.frozen
class Layout:
    """Page furniture of a generated PDF."""

    header: str | None = None  # running header at the top of every page but the first
    footer: str | None = None  # running footer at the bottom of every page
    page_number: str | None = "bottom"  # "top", "bottom", "top-right", "footer" or None
    number_form: str = "{n}"  # "{n}", "- {n} -", "{n}/{total}"
    margin_every: int = 0  # margin line numbers every N lines (0: none)
    margin_side: str = "left"
    columns: int = 1
    lines_per_page: int = 22
    indent: str = "offset"  # paragraphs open indented: "offset" (moved right), "space" (U+3000)


def write_pdf(path: Path, layout: Layout) -> list[tuple[str, int | None]]:
    """Write the test minutes with ``layout`` to ``path``.

    Returns every printed text line with the margin number drawn beside it (or None).
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    chars = CHARS_PER_LINE // layout.columns - (1 if layout.columns > 1 else 0)
    lines = wrapped_lines(chars)
    per_page = layout.lines_per_page * layout.columns
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    c = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT))
    column_width = (WIDTH - 2 * LEFT) / layout.columns
    printed: list[tuple[str, int | None]] = []
    for number, page in enumerate(pages, 1):
        c.setFont(FONT, SIZE)
        label = layout.number_form.format(n=number, total=len(pages))
        if layout.header and number > 1:
            c.drawString(LEFT, TOP + 30, layout.header)
        if layout.page_number == "top":
            c.drawCentredString(WIDTH / 2, TOP + 30 + (14 if layout.header else 0), label)
        elif layout.page_number == "top-right":
            c.drawRightString(WIDTH - LEFT, TOP + 30, label)
        for k, (text, opens) in enumerate(page):
            column, row = divmod(k, layout.lines_per_page)
            x = LEFT + column * column_width + (SIZE if opens and layout.indent == "offset" else 0)
            y = TOP - row * LEADING
            margin = None
            if layout.margin_every and (row + 1) % layout.margin_every == 0 and column == 0:
                margin = row + 1
                if layout.margin_side == "left":
                    c.drawString(LEFT - 30, y, str(margin))
                else:
                    c.drawString(WIDTH - LEFT + 14, y, str(margin))
            c.drawString(x, y, "\u3000" + text if opens and layout.indent == "space" else text)
            printed.append((text, margin))
        if layout.footer:
            c.drawString(LEFT, BOTTOM - 20, layout.footer)
        if layout.page_number == "bottom":
            c.drawCentredString(WIDTH / 2, BOTTOM - 40, label)
        elif layout.page_number == "footer":
            c.drawRightString(WIDTH - LEFT, BOTTOM - 20, label)
        c.showPage()
    c.save()
    return printed


def speech_texts() -> list[tuple[str, str]]:
    """(label, text) of each speech, paragraphs joined by a line break."""
    return [(label, "\n".join(sentences)) for label, sentences in SPEECHES]


def vertical_pdf(path: Path, *, one_char_a_line: bool = False) -> None:
    """The first speeches set in vertical writing (縦書き), columns right to left.

    With ``one_char_a_line`` every character is drawn on its own, as some typesetting
    programs place them, so text extractors see no columns.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT, isVertical=True))
    c = canvas.Canvas(str(path), pagesize=(HEIGHT, WIDTH))
    c.setFont(FONT, SIZE)
    columns = [line for line, _ in wrapped_lines(30)[5:25]]
    for k, column in enumerate(columns):
        x = HEIGHT - 60 - k * LEADING
        if one_char_a_line:
            for j, ch in enumerate(column):
                c.drawString(x, WIDTH - 60 - j * SIZE, ch)
        else:
            c.drawString(x, WIDTH - 60, column)
    c.showPage()
    c.save()
