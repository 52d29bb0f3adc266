"""Nationalities of a passport holder: ISO 3166-1 alpha-3 codes (what a
passport's machine-readable zone prints) and the Vietnamese names a desk
types for the countries whose citizens it most often receives."""

from __future__ import annotations

from counter_app.domain.text import fold

# ISO 3166-1 alpha-3, all 249 codes (as the iso-codes package 4.15 lists them).
_ALPHA3_TEXT = """
    ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN
    BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN
    CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU
    DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR
    GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV
    HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM
    KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA
    MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM
    NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL
    PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE
    SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK
    TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB
    VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
"""
ALPHA3: frozenset[str] = frozenset(_ALPHA3_TEXT.split())

# The names an official types, each code's first name being the one printed.
# Not the whole world: any other country is entered by its code.
VIETNAMESE_NAMES: dict[str, tuple[str, ...]] = {
    "VNM": ("Việt Nam",),
    "CHN": ("Trung Quốc",),
    "LAO": ("Lào",),
    "KHM": ("Campuchia", "Cam-pu-chia"),
    "THA": ("Thái Lan",),
    "MMR": ("Myanmar", "Mi-an-ma"),
    "MYS": ("Malaysia", "Ma-lai-xi-a"),
    "SGP": ("Singapore", "Xin-ga-po"),
    "IDN": ("Indonesia", "In-đô-nê-xi-a"),
    "PHL": ("Philippines", "Phi-líp-pin"),
    "KOR": ("Hàn Quốc",),
    "PRK": ("Triều Tiên",),
    "JPN": ("Nhật Bản", "Nhật"),
    "TWN": ("Đài Loan",),
    "IND": ("Ấn Độ",),
    "USA": ("Hoa Kỳ", "Mỹ"),
    "CAN": ("Canada", "Ca-na-đa"),
    "AUS": ("Australia", "Úc", "Ô-xtrây-li-a"),
    "NZL": ("New Zealand", "Niu Di-lân"),
    "GBR": ("Vương quốc Anh", "Anh"),
    "FRA": ("Pháp",),
    "DEU": ("Đức",),
    "ITA": ("Italia", "Ý", "I-ta-li-a"),
    "ESP": ("Tây Ban Nha",),
    "NLD": ("Hà Lan",),
    "BEL": ("Bỉ",),
    "CHE": ("Thụy Sĩ",),
    "SWE": ("Thụy Điển",),
    "NOR": ("Na Uy",),
    "DNK": ("Đan Mạch",),
    "FIN": ("Phần Lan",),
    "POL": ("Ba Lan",),
    "CZE": ("Séc",),
    "RUS": ("Nga", "Liên bang Nga"),
    "UKR": ("Ukraina", "U-crai-na"),
    "MNG": ("Mông Cổ",),
    "CUB": ("Cuba", "Cu-ba"),
}

_BY_NAME: dict[str, str] = {
    fold(name): code for code, names in VIETNAMESE_NAMES.items() for name in names
}


def nationality_code(value: str) -> str | None:
    """The alpha-3 code of ``value`` (a code in any case, or a Vietnamese
    name from the list, with or without accents), or None.

    >>> nationality_code("trung quoc"), nationality_code("usa"), nationality_code("Atlantis")
    ('CHN', 'USA', None)
    """
    text = value.strip()
    if text.upper() in ALPHA3:
        return text.upper()
    return _BY_NAME.get(fold(text))


def nationality_name(code: str) -> str:
    """The Vietnamese name printed for ``code``, or the code itself."""
    names = VIETNAMESE_NAMES.get(code)
    return names[0] if names else code
