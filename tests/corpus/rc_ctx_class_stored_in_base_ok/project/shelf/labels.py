from shelf.models import Genre


def genre_label(code):
    genre = Genre.query.filter_by(code=code).first()
    return genre.label if genre else "???"
