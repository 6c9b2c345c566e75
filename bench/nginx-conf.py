"""nginx.conf for bench/public-pages.sh: python3 bench/nginx-conf.py <work folder> <port> <address>...

Fills bench/nginx.conf.template: one exact location per address, serving the file Vigía's answer was saved to, with
Vigía's Content-Type and every header Vigía sent that nginx does not write itself (the security headers,
Cache-Control, Content-Disposition, Link…), read from the <file>.headers curl wrote beside it. nginx then sends the
same answer, headers included, not only the same body."""
import pathlib
import sys

OWN = {"date", "server", "content-length", "transfer-encoding", "connection", "etag", "last-modified", "content-encoding", "vary"}


def quote(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def location(work, url):
    file = url if url.endswith(".csv") else url.rstrip("/") + "/pagina.html"
    lines = pathlib.Path(f"{work}/www{file}.headers").read_text(encoding="latin-1").splitlines()[1:]
    out = [f"        location = {url} {{"]
    for line in lines:
        name, _, value = line.partition(":")
        name, value = name.strip(), value.strip()
        if not name:
            continue
        if name.lower() == "content-type":
            out.append(f"            types {{ }} default_type {quote(value)};")
        elif name.lower() not in OWN:
            out.append(f"            add_header {name} {quote(value)} always;")
    out.append(f"            try_files {file} =404;")
    out.append("        }")
    return "\n".join(out)


def main():
    work, port, urls = sys.argv[1], sys.argv[2], sys.argv[3:]
    template = (pathlib.Path(__file__).parent / "nginx.conf.template").read_text(encoding="utf-8")
    locations = "\n".join(location(work, url) for url in urls)
    sys.stdout.write(template.replace("@LOCATIONS@", locations).replace("@DIR@", work).replace("@PORT@", port))


main()
