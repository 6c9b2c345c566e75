#!/usr/bin/env python3
"""Issue 15's done-condition on a generated nation: every entity's figure in the national ranking equals the entity's own
dashboard (its compliance API, computed from its plan by the calculator, not from the stored counts).
   bench/nation-check.py BASE_URL YEAR AT
Prints one line per difference and a last line «N entidades comparadas, M diferencias»; exits 1 on any difference."""
import json
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor

base, year, at = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]


def get(path):
    with urllib.request.urlopen(base + path, timeout=120) as response:
        return json.load(response)


def figure(c):
    return (c["total"], c["programmed"], c["completed"], c["percentage"], c["band"])


entities, page = [], 1
while True:
    view = get(f"/api/consolidated/{year}?at={at}&pageSize=500&page={page}")
    entities += view["entities"]
    if page >= view["pageCount"]:
        break
    page += 1


def compare(standing):
    own = get(f"/api/entities/{standing['entitySlug']}/plans/{year}/compliance?at={at}")
    problems = []
    if figure(standing["compliance"]) != figure(own["plan"]):
        problems.append(f"{standing['entitySlug']}: ranking {figure(standing['compliance'])}, tablero {figure(own['plan'])}")
    components = {c["number"]: c["compliance"] for c in own["components"]}
    for behind in standing["furthestBehind"]:
        if figure(behind["compliance"]) != figure(components[behind["number"]]):
            problems.append(f"{standing['entitySlug']} componente {behind['number']}: ranking {figure(behind['compliance'])}, "
                            f"tablero {figure(components[behind['number']])}")
    return problems


with ThreadPoolExecutor(max_workers=4) as pool:
    differences = [p for problems in pool.map(compare, entities) for p in problems]
for line in differences:
    print(line)
print(f"{len(entities)} entidades comparadas (cifra del plan y componentes más rezagados), {len(differences)} diferencias")
sys.exit(1 if differences else 0)
