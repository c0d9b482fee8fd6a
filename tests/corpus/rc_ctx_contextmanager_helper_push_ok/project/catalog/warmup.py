import threading

from catalog.context import app_ctx
from catalog.services import warmup_pages


def warm_in_background():
    with app_ctx():
        for page in warmup_pages():
            print("warming", page)


def start_warmup():
    thread = threading.Thread(target=warm_in_background, name="cache-warmup")
    thread.start()
    return thread
