import wtforms

from depot.models import Region


def active_regions():
    return [(r.code, r.code) for r in Region.query.filter_by(active=True)]


class ShipmentForm(wtforms.Form):
    region = wtforms.SelectField("Region", choices=active_regions())
    weight = wtforms.DecimalField("Weight")
