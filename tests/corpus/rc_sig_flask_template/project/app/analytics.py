from flask import request, template_rendered


def log_render(sender, template, context, **extra):
    sender.logger.info("rendered %s for %s", template.name, request.path)


def init_app(app):
    template_rendered.connect(log_render, app)
