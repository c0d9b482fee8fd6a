from flask import has_request_context, request, template_rendered


def log_render(sender, template, context, **extra):
    if not has_request_context():
        return  # rendered by a command or a task, not for a page view
    sender.logger.info("rendered %s for %s", template.name, request.path)


def init_app(app):
    template_rendered.connect(log_render, app)
