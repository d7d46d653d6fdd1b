"""Visits and joint appearances that dev9 (session 17) found missed: a visit named as the occasion of
what a minister says with "in" ("made her remarks in a visit to Japan"), and a joint appearance abroad
whose partner has no known country. Sentences written for these tests, read by the whole pipeline
(``read_with_meetings``).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import meetings_told

PUBLISHED = date(2016, 5, 14)  # a Saturday


@pytest.mark.parametrize("text, found", [
    ("Australian Foreign Minister Julie Bishop made her remarks in a visit to Japan on Friday.",
     [(["AUS", "JPN"], "Japan", "2016-05-13")]),
    # a visit to no place abroad, or remarks made at home, are no meeting
    ("Australian Foreign Minister Julie Bishop made her remarks in a visit to the border town on Friday.", []),
    ("Australian Foreign Minister Julie Bishop made her remarks in Canberra on Friday.", []),
])
def test_process_visit_after_in_is_the_occasion_of_the_clause(read_with_meetings, text, found):
    """ "X said this in a visit to Y": like "on" or "during", "in" sets the visit as the occasion of
    what the clause tells, and the clause's subject is the visitor."""
    assert meetings_told(read_with_meetings(text, PUBLISHED)) == found


@pytest.mark.parametrize("text, found", [
    # the partner is named, but no stage knows of which country: the appearance abroad is with the host
    ("Chancellor Angela Merkel told a joint news conference with Mr. Duda in Warsaw that trade would grow.",
     [(["DEU", "POL"], "Warsaw", "2016-05-14")]),
    # placed in a country rather than a city
    ("Chancellor Angela Merkel spoke at a joint news conference in Estonia.", [(["DEU", "EST"], "Estonia", "2016-05-14")]),
    # at home, or placed nowhere, the other side is unknown
    ("Chancellor Angela Merkel spoke at a joint news conference in Germany.", []),
    ("Chancellor Angela Merkel told a joint news conference with Mr. Duda that trade would grow.", []),
])
def test_process_joint_appearance_abroad_with_a_partner_of_no_known_country_is_with_the_host(
        read_with_meetings, text, found):
    """A joint appearance has two sides: placed in a foreign city or country, with a partner whose
    country no stage found, the other side is the host."""
    assert meetings_told(read_with_meetings(text, PUBLISHED)) == found
