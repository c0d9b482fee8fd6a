from search import create_app

app = create_app()
