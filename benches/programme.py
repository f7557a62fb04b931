#!/usr/bin/env python3
"""A generated programme for the portal's dashboard: 19 networks, each with
ten years of meetings (six a year, with actions followed up by reference),
about 200 organisations in all, people with expertise, and practices on
the themes each network chose. Builds it with `oogst build --timings` for
both audiences and prints the dashboard's render time and the whole build's.

usage: programme.py [OOGST] [OUTDIR]
"""
import os
import random
import subprocess
import sys
import tempfile
import time

THEMES = [("werkdruk", "Werkdruk"), ("valpreventie", "Valpreventie"), ("medicatie", "Medicatieveiligheid"),
          ("dementie", "Dementie"), ("leren", "Leren en ontwikkelen"), ("positionering", "Positionering"),
          ("digitaal", "Digitale zorg"), ("mantelzorg", "Mantelzorg"), ("wijkzorg", "Wijkzorg"),
          ("palliatief", "Palliatieve zorg"), ("ggz", "Samenwerking met de ggz"), ("arbeidsmarkt", "Arbeidsmarkt"),
          ("eigen-regie", "Eigen regie"), ("hygiene", "Infectiepreventie"), ("voeding", "Voeding")]
REGIONS = ["Utrecht", "Gelderland", "Limburg", "Noord-Holland", "Zuid-Holland", "Brabant", "Friesland", "Overijssel"]
SECTORS = ["ouderenzorg", "wijkverpleging", "gehandicaptenzorg", "ggz", "ziekenhuis"]
STATUSES = ["idea", "experiment", "applied", "evaluated"]
NETWORKS, YEARS, PER_YEAR, ORGS_PER_NETWORK = 19, 10, 6, 11
FIRST_YEAR = 2017


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def network(root, n, rng):
    net = f"netwerk-{n:02d}"
    themes = rng.sample(THEMES, 6)
    orgs = [(f"org-{n:02d}-{k:02d}", f"Zorgorganisatie {n}-{k}", rng.choice(REGIONS), rng.choice(SECTORS))
            for k in range(ORGS_PER_NETWORK)]
    people = [(f"p-{o[0]}-{j}", f"Deelnemer {o[0][4:]} {j}", o[0], rng.sample(themes, 2)) for o in orgs for j in range(2)]
    lines = [f"---\ntitle: Lerend netwerk {n}\nsummary: Een gegenereerd netwerk.\nstarted: {FIRST_YEAR}-01-10",
             "status: closed\nclosed: 2025-12-31" if n % 7 == 6 else "status: active", "themes:"]
    lines += [f"  - id: {t}\n    label: {label}" for t, label in themes]
    lines.append("organisations:")
    lines += [f"  - {{id: {i}, name: {name}, region: {r}, sector: {s}}}" for i, name, r, s in orgs]
    lines.append("people:")
    lines += [f"  - {{id: {i}, name: {name}, organisation: {o}, public: {str(k % 2 == 0).lower()}, expertise: [{', '.join(t[1] for t in ex)}]}}"
              for k, (i, name, o, ex) in enumerate(people)]
    write(f"{root}/content/{net}/_network.md", "\n".join(lines) + "\n---\nWelkom.\n")
    for y in range(FIRST_YEAR, FIRST_YEAR + YEARS):
        for m in range(PER_YEAR):
            month = 1 + 2 * m
            attendees = rng.sample(people, 8)
            theme = rng.choice(themes)[0]
            action = f"actie-{y}-{m}"
            refs = f"  - ref: actie-{y}-{m - 1}\n    done: true\n" if m > 0 else ""
            write(f"{root}/content/{net}/meetings/{y}-{month:02d}-14-bijeenkomst.md",
                  f"---\ntitle: Bijeenkomst {y}-{m + 1}\ndate: {y}-{month:02d}-14 13:30\nend: 16:00\nlocation: Utrecht\n"
                  f"visibility: {'public' if m % 3 == 0 else 'network'}\nthemes: [{theme}]\n"
                  f"attendees: [{', '.join(a[0] for a in attendees)}]\nprepared_by: [{attendees[0][2]}]\n"
                  f"decisions:\n  - We werken verder aan {theme}.\n"
                  f"actions:\n  - id: {action}\n    what: Uitwerken\n    who: {attendees[1][0]}\n    due: {y}-{month:02d}-28\n{refs}"
                  f"insights:\n  - Samen leren werkt.\n---\nVerslag van de bijeenkomst.\n")
    for k in range(15):
        org = rng.choice(orgs)
        write(f"{root}/content/{net}/practices/voorbeeld-{k:02d}.md",
              f"---\ntitle: Voorbeeld {n}-{k}\norganisation: {org[0]}\nthemes: [{rng.choice(themes[:4])[0]}]\n"
              f"status: {rng.choice(STATUSES)}\ndate: {rng.randrange(FIRST_YEAR, FIRST_YEAR + YEARS)}-03-01\n---\nEen werkwijze.\n")


def build(oogst, root, audience):
    start = time.perf_counter()
    out = subprocess.run([oogst, "build", "--root", root, "--audience", audience, "--timings", "--quiet"],
                         capture_output=True, text=True, check=True).stdout
    took = time.perf_counter() - start
    dashboard = next(l for l in out.splitlines() if l.startswith("dashboard "))
    return took, dashboard.split()[-2], out


def main():
    oogst = sys.argv[1] if len(sys.argv) > 1 else "target/release/oogst"
    root = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="oogst-programme-")
    rng = random.Random(19)
    for n in range(NETWORKS):
        network(root, n, rng)
    print(f"programme: {NETWORKS} networks, {NETWORKS * YEARS * PER_YEAR} meetings, "
          f"{NETWORKS * ORGS_PER_NETWORK} organisations, in {root}")
    for audience in ["public", "network"]:
        runs = [build(oogst, root, audience) for _ in range(3)]
        best = min(runs)
        print(f"{audience:8} whole build {best[0] * 1000:7.0f} ms (best of 3); dashboard page {best[1]} ms")
    print(runs[-1][2])


if __name__ == "__main__":
    main()
