from notify.dao.services_dao import dao_count_live_services, dao_fetch_service_by_id, dao_services_left


def test_fetch_service_by_id(sample_service):
    assert dao_fetch_service_by_id(sample_service.id).name == "Sample service"


def test_get_service_endpoint(client, sample_service):
    assert client.get(f"/service/{sample_service.id}").get_json() == {"name": "Sample service"}


def test_fetch_unknown_service_returns_none():
    assert dao_fetch_service_by_id(4242) is None


def test_no_live_services_when_none_created():
    assert dao_count_live_services() == 0


def test_whole_limit_left_when_none_created():
    assert dao_services_left() == 3
