import click

from media.storage import plan_thumbnails

UPLOADS = ["cat.jpg", "dog.png"]


@click.command("make-thumbnails")
@click.option("--size", type=int, default=128, show_default=True)
def make_thumbnails(size):
    """Render a thumbnail for every upload."""
    for target in plan_thumbnails(UPLOADS, size):
        click.echo(target)
