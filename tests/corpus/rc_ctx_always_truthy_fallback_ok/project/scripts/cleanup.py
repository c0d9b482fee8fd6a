"""Remove stale scratch uploads: python scripts/cleanup.py"""

from gallery.storage import thumb_size, upload_dir


def main():
    scratch = upload_dir("/var/tmp/gallery-scratch")
    original = thumb_size(0)
    print(f"cleaning {scratch} (thumbnail size {original or 'original'})")


if __name__ == "__main__":
    main()
