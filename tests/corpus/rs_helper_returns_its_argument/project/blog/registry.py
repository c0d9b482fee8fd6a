"""Services that hold resources register here so the app can report and close them."""

REGISTRY = []


def registered(service):
    REGISTRY.append(service)
    return service
