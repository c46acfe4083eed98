"""decile_for: deciles and ranks as the shipped files give them, through the 2011–2021 lookup."""

import random

import pytest

from casestudies.geography import INDICES, UnknownCode, WrongNation


@pytest.mark.parametrize("key", sorted(INDICES))
def test_deciles_and_ranks_equal_the_shipped_files_for_a_sample_of_codes(geo, shipped_rows, key):
    index = INDICES[key]
    rows = shipped_rows(index.file)
    for row in random.Random(key).sample(rows, 300):
        code = row[index.code_column]
        result = geo.decile_for(code, key)
        assert result.index is index
        assert (result.decile, result.rank) == (int(row["imd_decile"]), int(row["imd_rank"])), code
        assert not result.ambiguous


def test_the_latest_index_of_the_codes_nation_by_default(geo):
    assert geo.decile_for("E01012068").index.key == "iod2025"
    assert geo.decile_for("W01000745").index.key == "wimd2019"
    assert geo.decile_for("S01010260").index.key == "simd2020"
    assert geo.decile_for("95MM28W1").index.key == "nimdm2017"


def test_known_deciles(geo):
    assert geo.decile_for("E01012068").decile == 1  # Middlesbrough centre
    assert geo.decile_for("E01027509").decile == 9  # Stocksfield
    assert geo.decile_for("95MM28W1").decile == 1  # Derry~Londonderry, the Diamond


def test_codes_are_read_whatever_their_case_and_spacing(geo):
    assert geo.decile_for("  e01012068 ").code == "E01012068"


def test_a_2021_code_reaches_a_2011_index_through_the_lookup(geo, shipped_rows):
    iod2019 = {row["lsoa11_code"]: row for row in shipped_rows("england-iod2019-lsoa11.csv")}
    lookup = shipped_rows("england-wales-lsoa11-lsoa21-lookup.csv")
    split = next(
        row for row in lookup if row["change_code"] == "S" and row["lsoa21_code"].startswith("E")
    )
    result = geo.decile_for(split["lsoa21_code"], "iod2019")
    assert result.decile == int(iod2019[split["lsoa11_code"]]["imd_decile"])
    assert result.rank == int(iod2019[split["lsoa11_code"]]["imd_rank"])
    assert result.source_codes == (split["lsoa11_code"],) and result.change == "S"
    assert not result.approximate and not result.ambiguous
    assert split["lsoa11_code"] in result.note


def test_cardiff_centre_merged_from_two_deciles_is_reported_as_a_range(geo):
    result = geo.decile_for("W01002019")
    assert result.index.key == "wimd2019"
    assert result.decile == 5 and result.deciles == (5, 6) and result.decile_range == (5, 6)
    assert result.ambiguous and result.approximate and result.change == "M"
    assert result.rank is None and len(result.ranks) == 2
    assert result.source_codes == ("W01001939", "W01001941")
    assert "W01001939 (decile 5)" in result.note and "W01001941 (decile 6)" in result.note
    assert "the most deprived, 5, is given" in result.note
    assert result.label == "Welsh Index of Multiple Deprivation 2019: decile 5 to 6"


def test_a_merge_within_one_decile_is_not_ambiguous_but_still_flagged(geo):
    tables = geo.tables
    merged = next(
        code
        for code, parents in tables.parents.items()
        if code.startswith("E")
        and len(parents) > 1
        and parents[0][1] == "M"
        and len({tables.ranks["iod2019"][old][1] for old, _ in parents}) == 1
    )
    result = geo.decile_for(merged, "iod2019")
    assert result.approximate and not result.ambiguous and result.rank is None
    assert f"all in decile {result.decile}" in result.note


def test_a_redrawn_area_with_one_2011_parent_is_approximate(geo):
    result = geo.decile_for("E01035624", "iod2019")  # X: redrawn from part of E01008187
    assert result.change == "X" and result.source_codes == ("E01008187",)
    assert result.approximate and not result.ambiguous
    assert result.rank == geo.decile_for("E01008187", "iod2019").rank


def test_a_2011_code_given_to_a_2021_index_names_its_successors(geo):
    retired = next(
        old for old, new in geo.tables.children.items() if old.startswith("E") and old not in new
    )
    with pytest.raises(
        UnknownCode, match=f"{retired} is a 2011 neighbourhood code, replaced in 2021 by"
    ):
        geo.decile_for(retired, "iod2025")


@pytest.mark.parametrize(
    "code, message",
    [
        ("E01999999", "No 2021 Lower layer Super Output Area .* in England has the code E01999999"),
        ("S01099999", "No 2011 Data Zone in Scotland has the code S01099999"),
        ("banana", "“banana” is not a neighbourhood code"),
        ("", "is not a neighbourhood code"),
        ("E06000002", "looks like a local authority code"),
    ],
)
def test_codes_that_do_not_exist(geo, code, message):
    with pytest.raises(UnknownCode, match=message):
        geo.decile_for(code)


@pytest.mark.parametrize(
    "code, index, message",
    [
        (
            "S01010260",
            "iod2025",
            "S01010260 is a 2011 Data Zone in Scotland; the index asked for, the English Indices "
            "of Deprivation 2025, ranks neighbourhoods in England only. Scotland’s latest index is "
            "the Scottish Index of Multiple Deprivation 2020v2 \\(simd2020\\)",
        ),
        ("E01012068", "wimd2019", "ranks neighbourhoods in Wales only"),
        ("W01002019", "iod2019", "ranks neighbourhoods in England only"),
        ("95GG39S1", "simd2020", "in Northern Ireland"),
    ],
)
def test_codes_of_another_nation_than_the_index(geo, code, index, message):
    with pytest.raises(WrongNation, match=message):
        geo.decile_for(code, index)
