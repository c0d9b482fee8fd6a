from flaskscope.cli import entry

entry()
