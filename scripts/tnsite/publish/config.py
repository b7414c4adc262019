"""Options of the publications plugin (mkdocs.yml: `- tnsite/publish:`)."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PublishConfig(Config):
    # The editors' file: which publications exist, their titles and pages (project root).
    file = c.Type(str, default="publications.yml")
    # Where the PDFs go in each language's tree: /<language>/<output_dir>/<id>.pdf.
    output_dir = c.Type(str, default="publications")
    # The site's stylesheets the print uses: fonts (the @font-face rules) and the rules that
    # style figures, tables, charts and the map.
    fonts_css = c.Type(str, default="assets/stylesheets/fonts.css")
    stylesheets = c.ListOfItems(
        c.Type(str), default=["assets/stylesheets/site.css", "assets/stylesheets/data.css"]
    )
    # Content-hash cache of rendered PDFs (gitignored).
    cache_dir = c.Type(str, default=".cache/publish")
    # A publication larger than this stops the build (a brochure must stay easy to send).
    max_megabytes = c.Type(float, default=3.0)
    # Processes printing in parallel (0: one per CPU core).
    workers = c.Type(int, default=0)
