"""The insights page: its figures worked out and rendered once per query and library version, yet a
change shows at once and a mistake is never kept."""

from casestudies.views import insights


def test_a_querys_figures_are_worked_out_once_and_a_change_shows_at_once(
    client, make_case_study, monkeypatch
):
    make_case_study("Moor Lane", region="north-east", homes_built=12)
    worked_out = []
    real = insights.selectors.insights
    monkeypatch.setattr(
        insights.selectors, "insights", lambda filterset: worked_out.append(1) or real(filterset)
    )
    first_response = client.get("/insights/?region=north-east")
    again_response = client.get("/insights/?region=north-east")
    first, again = first_response.content.decode(), again_response.content.decode()
    assert again == first
    assert len(worked_out) == 1
    # The charts are rendered once too.
    rendered = [
        [template.name for template in response.templates]
        for response in (first_response, again_response)
    ]
    assert insights.RESULTS_TEMPLATE in rendered[0]
    assert insights.RESULTS_TEMPLATE not in rendered[1]
    assert "1 · 12 homes" in first
    make_case_study("Quay Street", region="north-east", homes_built=30)
    changed = client.get("/insights/?region=north-east").content.decode()
    assert len(worked_out) == 2
    assert "2 · 42 homes" in changed


def test_a_wrong_evidence_grade_is_explained_every_time_and_never_kept(client, make_case_study):
    make_case_study("Moor Lane", region="north-east", homes_built=12)
    for _ in range(2):
        response = client.get("/insights/?strength=rumour")
        assert response.status_code == 400
        assert 'aria-describedby="strength-error"' in response.content.decode()
    assert client.get("/insights/").status_code == 200
