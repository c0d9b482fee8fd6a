"""Report formats for ``flaskscope check``: text and json. They format findings; they never analyse."""
