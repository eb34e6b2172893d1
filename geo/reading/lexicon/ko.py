"""Korean words the reader reads prose with: the same names as every other language file; what each
table is for is written once, in geo/reading/lexicon/__init__.py (TABLES)."""

ORIGIN = ()
DESTINATION = ()
AMBIGUOUS = ()
LOCATION = ()
REFERENCE = ()
LIST_JOINERS = ()
PARTICLES = {
    "에서부터": "origin",
    "에서는": "at",
    "에서도": "at",
    "으로는": "destination",
    "으로의": "destination",
    "로의": "destination",
    "에는": "at",
    "발": "origin",
    "행": "destination",
    "으로부터": "origin",
    "로부터": "origin",
    "에서": "at",
    "까지": "destination",
    "으로": "destination",
    "로": "destination",
    "에": "at",
    "와": "list",
    "과": "list",
    "및": "list",
    "는": "subject",
    "은": "subject",
    "이": "subject",
    "가": "subject",
    "을": "object",
    "를": "object",
    "의": "of",
    "도": "at",
}
PLACE_SUFFIXES = ("항", "역", "시", "주")
TITLES = ()
MOVEMENT = (
    "이동",
    "파병",
    "보내",
    "보낼",
    "보냈",
    "출항",
    "도착",
    "수송",
    "이송",
    "배치",
    "출발",
    "철수",
    "투입",
    "옮겨",
    "옮기",
    "진입",
    "전개",
    "행군",
)
MILITARY = (
    "군",
    "병력",
    "군인",
    "병사",
    "부대",
    "여단",
    "대대",
    "연대",
    "사단",
    "선박",
    "함정",
    "군함",
    "수송선",
    "트럭",
    "차량",
    "기지",
    "주둔",
    "특수부대",
    "특殊",
    "장병",
    "적군",
)
TROOP_NOUNS = ("명", "병력", "군인", "병사", "장병")
THOUSAND = {"만": 10000, "천": 1000}
APPROXIMATE = ("약",)
LAST_WEEK = ("지난주", "지난 주")
THIS_WEEK = ("이번 주", "이번주")
WEEKEND = ("주말",)
YESTERDAY = ("어제",)
TODAY = ("오늘",)
NOW = ("현재", "지금")
REFER_BACK = ("그곳", "그들", "이들")
DEFINITE = ()
RANGE_JOINERS = ()
FUNCTION_WORDS = ()
ORIGIN_VERBS = ()
DESTINATION_VERBS = ()
MONTH_CUES = ()
NEGATION = ("않", "없", "못했", "아니")
NOT_NEGATING = ()
VERIFY = ("확인", "검증", "논평")
DENIAL = ("부인", "사실이 아니", "허위", "부정했")
FORECAST = ("예정", "계획", "것으로 예상", "할 것", "보낼", "위협", "다음 주", "다음달", "다음 달", "대기", "준비 태세")
DIPLOMACY = ("회담", "방문", "회의", "외교", "정상회", "대표단")
SPEECH = ("밝혔", "말했", "발표", "전했", "기자", "논평")
CLAUSE_JOINERS = ("지만", "으나", "반면")
CASUALTY = ("사상자", "사망", "부상", "전사", "포로", "주민", "민간인", "탱크", "전차", "차량", "손실")
NIGHT_TO = ()
SINCE = ("이후",)
AREA_NOUNS = ()
REGION_WORDS = ()
REACH = ()
ORIGIN_PHRASES = ()
DESTINATION_PHRASES = ()
PLACE_NOUNS = ()
THERE = ("그곳", "현지", "이곳", "해당 지역")
FROM_THERE = ("그곳에서", "이곳에서", "거기서", "거기에서")
EARLIER = ("앞서", "이전에", "그전에", "이에 앞서")
OF_THEM = ("이 중", "그중", "그 중")
NUMBER_OF = ("규모", "병력 수", "인원")
NEXT_DAYS = (
    ("다음날", 1),
    ("다음 날", 1),
    ("이튿날", 1),
    ("이틀 뒤", 2),
    ("이틀 후", 2),
    ("사흘 뒤", 3),
    ("사흘 후", 3),
    ("같은 날", 0),
    ("당일", 0),
    ("그날", 0),
)
DAYS_LATER = "(\\d+)일\\s*(?:뒤|후)"
SMALL_NUMBERS = {}
COMBAT = ()
COMBAT_LINKS = ()
FROM_AFAR = ()
VIA = ()
AREA_AFTER = ("일대", "인근", "지역", "부근", "일원", "근처", "주변", "방면")
LAST_MONTH = ("지난달", "지난 달")
THIS_MONTH = ("이번 달", "이달")
VAGUE = ("수", "여러")
