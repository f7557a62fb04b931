#!/usr/bin/env python3
"""Generates the same synthetic knowledge base twice: in oogst's content
format and as a Hugo site, so both tools can be timed on equal work.

usage: generate.py PAGES OUTDIR
"""
import os
import random
import sys

WORDS = ("netwerk leren werkdruk team organisatie zorg cliënt afspraak kennis "
         "voorbeeld ervaring samenwerken verpleegkundige bijeenkomst ideeën "
         "overleg kwaliteit veiligheid medicatie rooster scholing wijk").split()


def paragraph(rng, n=60):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def body(rng, i):
    parts = [paragraph(rng)]
    for h in range(3):
        parts.append(f"## Kop {h} van pagina {i}")
        parts.append(paragraph(rng))
        parts.append("- " + "\n- ".join(paragraph(rng, 8) for _ in range(3)))
    if i % 10 == 0:
        parts.append("```python\nfor x in range(10):\n    print(x)\n```")
    return "\n\n".join(parts) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    pages, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(42)
    networks = max(1, pages // 1000)
    per_network = pages // networks
    sections = [("meetings", 0.3), ("practices", 0.3), ("handreiking", 0.3), ("lessons", 0.1)]
    write(f"{out}/hugo/hugo.toml", 'baseURL = "/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.highlight]\nnoClasses = false\n')
    write(f"{out}/hugo/layouts/_default/baseof.html", '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav><main>{{ block "main" . }}{{ end }}</main></body></html>\n')
    write(f"{out}/hugo/layouts/_default/single.html", '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}</p>{{ .TableOfContents }}{{ .Content }}{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}\n')
    write(f"{out}/hugo/layouts/_default/list.html", '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .RegularPagesRecursive }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }} {{ .Summary | plainify | truncate 240 }}</li>{{ end }}</ul>{{ end }}\n')
    write(f"{out}/hugo/layouts/index.html", '{{ define "main" }}<ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ len .RegularPagesRecursive }}</li>{{ end }}</ul>{{ end }}\n')
    i = 0
    for n in range(networks):
        net = f"netwerk-{n:02d}"
        write(f"{out}/oogst/content/{net}/_network.md", f"---\ntitle: Netwerk {n}\nthemes:\n  - id: werkdruk\n    label: Werkdruk\n---\n{paragraph(rng)}\n")
        write(f"{out}/hugo/content/{net}/_index.md", f"---\ntitle: Netwerk {n}\n---\n{paragraph(rng)}\n")
        for section, share in sections:
            write(f"{out}/hugo/content/{net}/{section}/_index.md", f"---\ntitle: {section}\n---\n")
            for k in range(int(per_network * share)):
                i += 1
                date = f"20{20 + k % 6}-{1 + k % 12:02d}-{1 + k % 28:02d}"
                name = f"{date}-pagina-{k}" if section == "meetings" else f"{k:04d}-pagina-{k}"
                visibility = "visibility: public\n" if section == "meetings" else ""
                text = body(rng, i)
                write(f"{out}/oogst/content/{net}/{section}/{name}.md",
                      f"---\ntitle: Pagina {k} van {section}\ndate: {date}\nthemes: [werkdruk]\n{visibility}---\n{text}")
                write(f"{out}/hugo/content/{net}/{section}/{name}.md",
                      f"---\ntitle: Pagina {k} van {section}\ndate: {date}\n---\n{text}")
    print(f"{i} pages in {networks} networks")


if __name__ == "__main__":
    main()
