"""The segmentation rules as data: punctuation classes, speech verbs, structure patterns.

`SentenceRules` follows docs/segmentation.md (R1–R9); `StructureRules` says which lines
are titles, meta lines, list items, bylines, breadcrumbs and page furniture. Both
are frozen values; the structure patterns can be overridden from `[tool.l10n]`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Paired marks (R5): quotations, titles and brackets.
PAIRS = {
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "《": "》",
    "〈": "〉",
    "（": "）",
    "(": ")",
    "【": "】",
    "〔": "〕",
    "[": "]",
}
QUOTE_OPENERS = frozenset('“‘「『"')
TITLE_OPENERS = frozenset("《〈")
STRAIGHT_QUOTE = '"'


@dataclass(frozen=True)
class SentenceRules:
    """Sentence-final marks and abbreviations (R2), closing marks (R4), clause marks (R5, R6),
    speech verbs and the attribution length (R6)."""

    final_marks: frozenset[str] = frozenset("。！？!?")
    ascii_final_marks: frozenset[str] = frozenset("!?")
    closing_marks: frozenset[str] = frozenset("”’」』）)】〕》〉\"'")
    clause_marks: frozenset[str] = frozenset("，、；：,;:")
    speech_verbs: tuple[str, ...] = (
        "说",
        "說",
        "道",
        "问",
        "問",
        "答",
        "回答",
        "表示",
        "称",
        "稱",
        "指出",
        "强调",
        "強調",
        "喊",
        "叫",
        "补充",
        "補充",
        "写道",
        "寫道",
        "坦言",
        "回应",
        "回應",
        "反问",
        "反問",
        "追问",
        "追問",
    )
    attribution_max_chars: int = 12
    abbreviations: frozenset[str] = frozenset(
        "mr mrs ms dr prof sr jr st no nos vol vols vs etc inc ltd co corp fig figs eq approx "
        "dept est jan feb mar apr jun jul aug sep sept oct nov dec pp op cf al".split()
    )


# Page furniture that comes with an article copied from a Chinese (Traditional or Simplified)
# news or government site. Each pattern must match a whole trimmed line (they are applied
# with `fullmatch`) and is built only from navigation, sharing and print vocabulary, so that
# no sentence of an article can match: a line with anything else in it stays content.
_SITES = (
    r"Facebook|facebook|FB|Twitter|twitter|X|LINE|Line|line|WhatsApp|Whatsapp|Telegram|"
    r"Plurk|噗浪|Email|E-mail|email|電郵|电邮|電子郵件|电子邮件|微信|朋友圈|微博|新浪微博|"
    r"騰訊微博|腾讯微博|QQ|QQ空間|QQ空间|QQ好友|豆瓣|人人網|人人网|列印|打印|複製連結|复制链接"
)
BUILTIN_BOILERPLATE: tuple[str, ...] = (
    # accessibility links and anchors: 跳到主要內容, :::
    r"(?:跳[到至過过]|跳[轉转][到至]|前往|直接前往|移至)(?:主要|主|中央)?(?:內容|内容)"
    r"(?:[區区](?:塊|块)?)?",
    r"跳[過过](?:導覽|导航|選單|选单)(?:列|欄|栏)?",
    r":::",
    # share bars: 分享：Facebook｜WhatsApp｜電郵, 分享到：
    rf"分享(?:到|至|本文|此文)?\s*[:：]?\s*(?:{_SITES})(?:\s*[｜|/／、,，·•]?\s*(?:{_SITES}))*|"
    rf"(?:{_SITES})(?:\s*[｜|/／、,，·•]?\s*(?:{_SITES}))+",
    r"分享(?:到|至|本文|此文)?\s*[:：]?",
    # QR codes: 扫一扫在手机打开当前页, 微信掃碼, 手機看新聞
    r"(?:用?微信)?[扫掃](?:一[扫掃]|[码碼]|描二[维維][码碼])"
    r"(?:[，,]?\s*在?(?:手[机機])?上?(?:打[开開]|[阅閱][读讀]|[浏瀏][览覽]|查看)?"
    r"(?:分享(?:到|至)?(?:朋友圈|微信)?)?(?:[当當]前|本|此)?(?:[页頁]面?|文章|新[闻聞])?)?",
    r"手[机機](?:看|[阅閱][读讀]|[浏瀏][览覽])(?:新[闻聞]|本文|全文)?",
    # bracketed page actions: 【纠错】, 【打印】【关闭】, 【字体：大 中 小】
    r"(?:【(?:我要)?(?:纠错|糾錯|打印|列印|关闭|關閉|关闭窗口|關閉視窗|收藏|返回[顶頂]部|大|中|小)】\s*)+",
    r"【?字(?:[号號体體級级]|[級级][設设]定)\s*[:：]?\s*(?:[大中小]\s*){2,3}】?",
    # navigation and print: 返回顶部, 回頁首, 打印本页 关闭窗口, 上一篇：…
    r"(?:返回|回到)(?:[顶頂]部|[顶頂][端]|[页頁]首|首[页頁]|上一?[页頁]|列表|目[录錄])|"
    r"回(?:[页頁]首|首[页頁]|上一?[页頁]|[顶頂]端)",
    r"(?:打印|列印|友善列印)(?:本[页頁]|此[页頁]|本文)?"
    r"(?:\s*[｜|]?\s*(?:关闭|關閉)(?:窗口|視窗|本[页頁])?)?",
    r"(?:关闭|關閉)(?:窗口|視窗|本[页頁])",
    r"(?:上一篇|下一篇|上一[则則条條]|下一[则則条條])(?:\s*[:：].*)?",
    # "related" headings: 相关新闻, 延伸閱讀
    r"(?:相[关關](?:新[闻聞]|[阅閱][读讀]|文章|[报報][导導]|[链鏈]接)|延伸[阅閱][读讀]|"
    r"推[荐薦][阅閱][读讀]|[热熱][门門](?:新[闻聞]|文章|推[荐薦])|更多新[闻聞])\s*[:：]?",
    # "your browser does not support JavaScript" notices (<noscript>)
    r"(?:(?:很?抱歉|對不起|对不起)[，,]?\s*)?(?:您|你)?(?:的|目前使用的|所使用的|使用的)?"
    r"(?:瀏覽器|浏览器)(?:目前|尚|似乎|可能)?"
    r"(?:不支援|不支持|未啟用|未启用|未開啟|未开启|已停用|已禁用|已關閉|已关闭|禁用了|關閉了|关闭了)"
    r"\s*(?:JavaScript|Javascript|javascript|JAVASCRIPT|JS)\s*(?:功能|腳本|脚本)?"
    r"(?:[，,；;。.!！][^請请]{0,40}(?:請|请).{0,60})?[。.!！]?",  # a tail only as an instruction
    r"(?:請|请)(?:您)?(?:開啟|开启|啟用|启用|打開|打开|允許|允许)(?:瀏覽器|浏览器)?(?:的)?\s*"
    r"(?:JavaScript|Javascript|javascript|JS)\s*(?:功能|腳本|脚本|支援|支持)?[。.!！]?",
    # copyright lines
    r"(?:Copyright|COPYRIGHT|copyright|©)(?:\s*©)?(?:[\s\d].{0,100})?",
    r"版[權权]所有(?:[\s©:：，,].{0,80})?",
)

# A line that is only a date, maybe with weekday and time: 114年01月13日,
# 2021年10月12日（星期二）, 2021-10-12 18:08.
_DIGIT = "[0-9０-９]"
_DATE = (
    rf"(?:(?:中華民國|中华民国|民國|民国)\s*)?{_DIGIT}{{2,4}}\s*年\s*{_DIGIT}{{1,2}}\s*月"
    rf"\s*{_DIGIT}{{1,2}}\s*日"
    r"|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"
    rf"|{_DIGIT}{{4}}[-/.／－]{_DIGIT}{{1,2}}[-/.／－]{_DIGIT}{{1,2}}"
)
_WEEKDAY = r"(?:[（(]\s*)?(?:星期|週|周|禮拜|礼拜)[一二三四五六日天](?:\s*[）)])?"
_TIME = (
    r"(?:(?:上午|下午|中午|晚上|凌晨|早上)\s*)?"
    rf"{_DIGIT}{{1,2}}[:：]{_DIGIT}{{2}}(?:[:：]{_DIGIT}{{2}})?"
)
DATE_LINE = rf"(?:{_DATE})(?:\s*{_WEEKDAY})?(?:\s*{_TIME})?(?:\s*{_WEEKDAY})?"

# Bylines: (鄒邇戈), (記者 王小明), （记者 王丽 通讯员 陈强）.
_NAME = r"[\u3400-\u9fff·・]{2,6}"
_ROLE = (
    r"(?:(?:本[报報]|特[约約]|[见見][习習]|[实實][习習])?[记記]者|通[讯訊][员員]|[实實][习習]生|"
    r"[摄攝]影(?:[记記]者)?|[编編][辑輯]|撰稿)"
)


@dataclass(frozen=True)
class StructureRules:
    """Line patterns (regular expressions, matched against the trimmed line).

    `builtin_boilerplate` (common news-site furniture, whole lines) always applies;
    `boilerplate` (the setting) adds patterns to it."""

    boilerplate: tuple[str, ...] = ()
    builtin_boilerplate: tuple[str, ...] = BUILTIN_BOILERPLATE
    breadcrumb: str = r"^[^。！？!?>›»＞]{1,24}(?:\s*[>›»＞]\s*[^。！？!?>›»＞]{1,24})+$"
    meta: str = (
        r"^(?:(?:來源|来源|時間|时间|編輯|编辑|責任編輯|责任编辑|作者|"
        r"發布時間|发布时间|發佈時間|日期|出處|出处|稿源)\s*[:：]"
        # 記者：王小明 is a field; 记者：这次会议有什么新特点？ is an interviewer's question
        r"|(?=.{0,30}$)(?:記者|记者)\s*[:：](?!.*[。！？!?][”’」』）)]*$)"
        rf"|{DATE_LINE}$)"
    )
    list_item: str = (
        r"^(?:——|[●•▪■◆◇○①-⑳]"
        r"|[一二三四五六七八九十]{1,3}、(?![一二三四五六七八九十百千万萬])"  # 一、 (not 二、三十人)
        r"|[（(](?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})[）)]"  # （一） （1）
        r"|[0-9０-９]{1,2}(?:[.．](?![0-9０-９.．])|、(?![0-9０-９])))"  # 1. 1、 (not 1.5, 3、4月)
    )
    byline: str = (
        rf"^[(（](?:(?:記者|记者)?\s*{_NAME}"
        rf"|\s*{_ROLE}\s*[:：]?\s*{_NAME}(?:[\s、，,]+(?:{_ROLE}\s*[:：]?\s*)?{_NAME})+\s*)[)）]$"
    )
    title_max_chars: int = 80


@dataclass(frozen=True)
class Rules:
    sentence: SentenceRules = field(default_factory=SentenceRules)
    structure: StructureRules = field(default_factory=StructureRules)
