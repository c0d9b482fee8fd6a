from media.commands import make_thumbnails


def test_make_thumbnails_writes_one_per_upload(app):
    runner = app.test_cli_runner()
    result = runner.invoke(make_thumbnails, ["--size", "64"], catch_exceptions=False)
    assert result.output.splitlines() == ["/tmp/thumbs/64px/cat.jpg", "/tmp/thumbs/64px/dog.png"]
