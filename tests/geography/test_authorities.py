"""Local authorities of neighbourhoods, and each one's share of its nation's most deprived areas."""

import pytest

from casestudies.geography import UnknownCode


def test_english_authorities_are_official_with_their_codes(geo):
    authority = geo.local_authority_for("E01012068")
    assert (authority.code, authority.name, authority.nation, authority.derived) == (
        "E06000002",
        "Middlesbrough",
        "england",
        False,
    )
    assert authority.kind == "local authority district (2024)"
    assert geo.local_authority_for("E01027509").name == "Northumberland"


def test_an_english_2011_code_gets_its_2019_district(geo):
    retired = next(
        old for old, new in geo.tables.children.items() if old.startswith("E") and old not in new
    )
    authority = geo.local_authority_for(retired)
    assert authority.kind == "local authority district (2019)" and authority.code.startswith("E0")


def test_welsh_councils_are_derived_from_the_neighbourhood_names_and_say_so(geo):
    authority = geo.local_authority_for("W01002019")  # Cardiff 032H
    assert (authority.name, authority.code, authority.derived) == ("Cardiff", None, True)
    assert "derived from the neighbourhood’s name" in authority.source
    assert geo.local_authority_for("W01001939").name == "Cardiff"  # a 2011 code merged into it
    assert geo.local_authority_for("W01000745").name == "Swansea"


def test_northern_irish_former_districts_are_derived_from_the_soa_code(geo):
    belfast = geo.local_authority_for("95GG39S1")
    assert (belfast.name, belfast.kind, belfast.derived) == (
        "Belfast",
        "former district council (1973–2015)",
        True,
    )
    assert "11 councils formed in 2015" in belfast.source
    assert geo.local_authority_for("95MM28W1").name == "Derry"
    assert geo.local_authority_for("95UU99C1").name == "Moyle"


def test_scotland_has_no_council_in_the_files(geo):
    assert geo.local_authority_for("S01010260") is None


def test_an_unknown_code_has_no_authority(geo):
    with pytest.raises(UnknownCode):
        geo.local_authority_for("E01999999")
    with pytest.raises(UnknownCode):
        geo.local_authority_for("W01999999")


@pytest.mark.parametrize(
    "key, lad_file, code_column",
    [
        ("iod2025", "england-iod2025-lad24.csv", "lad24_code"),
        ("iod2019", "england-iod2019-lad19.csv", "lad19_code"),
    ],
)
def test_english_shares_reproduce_the_published_district_proportions(
    geo, shipped_rows, key, lad_file, code_column
):
    table = geo.deprivation_by_authority(key)
    published = {
        row[code_column]: float(row["imd_proportion_most_deprived_10pc"])
        for row in shipped_rows(lad_file)
    }
    assert table.available and len(table.rows) == len(published)
    close = [
        row
        for row in table.rows
        if abs(row.proportion_10 - published[row.authority.code]) <= 0.0001
    ]
    assert (
        len(close) >= len(table.rows) - 1
    )  # West Northamptonshire's published 0.0210 is 5/237 = 0.0211
    by_name = {row.authority.name: row for row in table.rows}
    assert by_name["Middlesbrough"].proportion_10 == pytest.approx(
        published["E06000002"], abs=0.0001
    )


def test_the_table_lists_the_authorities_with_the_most_deprived_neighbourhoods_first(
    geo, shipped_rows
):
    table = geo.deprivation_by_authority("iod2025")
    deciles = [int(row["imd_decile"]) for row in shipped_rows("england-iod2025-lsoa21.csv")]
    assert table.most_deprived_10 == deciles.count(1)
    assert table.most_deprived_30 == sum(1 for decile in deciles if decile <= 3)
    assert table.neighbourhoods == len(deciles) == sum(row.neighbourhoods for row in table.rows)
    assert sum(row.most_deprived_10 for row in table.rows) == table.most_deprived_10
    assert sum(row.share_of_nation_30 for row in table.rows) == pytest.approx(1)
    counts = [(row.most_deprived_10, row.most_deprived_30) for row in table.rows]
    assert counts == sorted(counts, reverse=True)
    assert table.rows[0].authority.name == "Birmingham"
    first = table.rows[0]
    assert first.share_of_nation_10 == pytest.approx(
        first.most_deprived_10 / table.most_deprived_10
    )
    assert "2024 local authority district" in table.note


def test_welsh_councils_share_the_most_deprived_tenth(geo):
    table = geo.deprivation_by_authority("wimd2019")
    assert table.available and len(table.rows) == 22
    assert (
        table.neighbourhoods == 1909
        and table.most_deprived_10 == 191
        and table.most_deprived_30 == 573
    )
    assert sum(row.neighbourhoods for row in table.rows) == 1909
    assert all(row.authority.derived for row in table.rows)
    assert "derived from the neighbourhood’s name" in table.note


def test_northern_ireland_by_former_district(geo):
    table = geo.deprivation_by_authority("nimdm2017")
    assert len(table.rows) == 26 and table.most_deprived_10 == 89
    assert table.rows[0].authority.name == "Belfast"
    assert "1973–2015" in table.note


def test_scotland_says_plainly_that_councils_are_not_available(geo):
    table = geo.deprivation_by_authority("simd2020")
    assert not table.available and table.rows == ()
    assert table.neighbourhoods == 6976 and table.most_deprived_10 == 698
    assert "do not say which council a Data Zone is in" in table.note
