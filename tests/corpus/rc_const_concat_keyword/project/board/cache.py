from flask import current_app, request

_STORE = {}


def make_cache_key(path=None, prefix="view/%s"):
    if path is None:
        path = request.endpoint
    return prefix % path


def _namespaced(key):
    return f"{current_app.config['CACHE_NAMESPACE']}:{key}"


def cache_get(key):
    return _STORE.get(_namespaced(key))


def cache_set(key, value):
    _STORE[_namespaced(key)] = value


def cache_delete(key):
    _STORE.pop(_namespaced(key), None)
