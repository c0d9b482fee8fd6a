from flask import current_app


@current_app.template_filter("money")
def money(amount):
    return f"{amount:,.2f} {current_app.config['CURRENCY']}"
