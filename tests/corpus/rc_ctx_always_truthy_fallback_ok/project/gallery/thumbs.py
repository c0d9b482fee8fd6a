import threading

from gallery.storage import thumb_size, upload_dir


def render_thumbnails(names):
    size = thumb_size(128)
    target = upload_dir("/tmp/gallery-uploads")
    for name in names:
        print(f"thumbnail {size}px of {name} -> {target}")


def render_in_background(names):
    worker = threading.Thread(target=render_thumbnails, args=(names,))
    worker.start()
    return worker
