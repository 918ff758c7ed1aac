#!/usr/bin/env python3
"""gen_corpus.py - a deterministic corpus of saved job-posting pages for `make bench`.

    gen_corpus.py OUT_DIR COUNT [--seed N] [--jobmatch PATH]

Writes OUT_DIR/posting-00001.html ... posting-NNNNN.html: pages as a browser saves
them from a job board or a careers site, 17-42 KB each, about 60% of their bytes
inside <script>, <style> and <svg> elements (bundles, JSON config blobs, analytics
snippets, critical CSS, icons with long path data), the rest a nav, a header, the
posting itself (title, company and location, "About us", "What you'll do",
"Requirements", "Nice to have", "Benefits"), a JSON-LD JobPosting and a footer
full of links.

Each posting mentions 8-25 technology terms drawn from the dictionaries of
`jobmatch dict list --format json` (canonical names and aliases, in varied case),
in prose with non-ASCII characters and HTML entities.

The output depends only on the seed, the file number and the dictionaries: file k
is the same whatever COUNT is, and two runs with the same seed write the same
bytes. Standard library only.
"""
import argparse
import base64
import bisect
import html
import json
import os
import random
import re
import subprocess
import sys
import time

# 17 KiB .. 42 kB, with a margin: within range whichever "KB" one means.
MIN_SIZE = 17 * 1024 + 400
MAX_SIZE = 42 * 1000 - 400
SHARE_LO, SHARE_HI = 0.54, 0.62  # bytes inside script/style/svg elements

# ---------------------------------------------------------------------------
# Dictionary terms


class Term:
    __slots__ = ("name", "category", "aliases", "guarded")

    def __init__(self, name, category, aliases, guarded):
        self.name = name
        self.category = category
        self.aliases = aliases
        self.guarded = guarded


def load_terms(jobmatch):
    try:
        out = subprocess.run([jobmatch, "dict", "list", "--format", "json"],
                             check=True, capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit("gen_corpus.py: cannot run '%s dict list --format json': %s" % (jobmatch, e))
    terms = []
    for t in json.loads(out)["terms"]:
        aliases = sorted(a for a in t.get("aliases", []) if a.strip())
        terms.append(Term(t["name"], t["category"], aliases, bool(t.get("guarded"))))
    terms.sort(key=lambda t: (t.category, t.name))
    return terms


# Well-known terms, drawn more often than the long tail (looked up by name or alias;
# those the dictionaries lack are ignored).
POPULAR = """Python Java Go TypeScript JavaScript Kotlin Rust C++ C# Ruby PHP Scala Swift SQL
Elixir Bash React Angular Vue.js Svelte Next.js Redux HTML CSS Sass Tailwind\u00a0CSS Webpack Vite
Node.js Django Flask FastAPI Spring Spring\u00a0Boot Ruby\u00a0on\u00a0Rails Laravel .NET ASP.NET\u00a0Core
Express NestJS GraphQL REST gRPC OpenAPI PostgreSQL MySQL MongoDB Redis Elasticsearch Cassandra
DynamoDB SQLite Oracle Kafka RabbitMQ Amazon\u00a0SQS AWS Azure Google\u00a0Cloud Docker Kubernetes
Helm Terraform Ansible Pulumi Jenkins GitHub\u00a0Actions GitLab\u00a0CI Argo\u00a0CD CircleCI Prometheus
Grafana Datadog OpenTelemetry Sentry Splunk ELK Git Linux Spark Airflow dbt Snowflake BigQuery
Databricks Pandas NumPy PyTorch TensorFlow scikit-learn MLflow Hugging\u00a0Face LLM Jupyter Tableau
Power\u00a0BI Looker Jest Cypress Selenium Playwright pytest JUnit Cucumber Postman iOS Android
React\u00a0Native Flutter SwiftUI Jetpack\u00a0Compose Xcode Figma Jira CI/CD Microservices Agile Scrum
TDD DevOps OAuth OWASP Vault Hibernate SQLAlchemy Prisma Memcached Nginx Istio Embedded\u00a0Linux
RTOS FreeRTOS Yocto CMake Bluetooth\u00a0Low\u00a0Energy CAN\u00a0bus Zephyr""".split()
POPULAR = [p.replace("\u00a0", " ") for p in POPULAR]

# role: (title nouns, {category: weight}, primary-term candidates, team names)
ROLES = [
    ("backend",
     ["Backend Engineer", "Software Engineer, Backend", "Backend Developer", "API Engineer",
      "Software Engineer"],
     {"language": 3, "backend-framework": 3, "database": 3, "messaging": 1.5, "cache": 1,
      "api": 2, "cloud": 2, "container": 1.5, "orm": 1, "observability": 1, "ci-cd": 1,
      "practice": 1.5, "testing": 1},
     ["Python", "Java", "Go", "Kotlin", "Ruby", "PHP", "C#", "Node.js", "Rust", "Scala",
      "TypeScript", "Elixir"],
     ["Payments", "Routing & Dispatch", "Core Platform", "Identity", "Search", "Billing"]),
    ("frontend",
     ["Frontend Engineer", "Front-End Developer", "UI Engineer", "Web Developer",
      "Software Engineer, Frontend"],
     {"frontend": 5, "language": 1.5, "testing": 1.5, "tool": 1, "api": 1, "practice": 1},
     ["React", "TypeScript", "Angular", "Vue.js", "JavaScript", "Svelte", "Next.js"],
     ["Design System", "Growth", "Checkout", "Web Platform", "Candidate Experience"]),
    ("fullstack",
     ["Full-Stack Engineer", "Fullstack Developer", "Software Engineer, Full Stack",
      "Product Engineer"],
     {"frontend": 3, "backend-framework": 2.5, "language": 2, "database": 2, "api": 1.5,
      "cloud": 1, "testing": 1, "container": 1},
     ["TypeScript", "React", "Python", "Ruby on Rails", "Node.js", "Django", "Laravel"],
     ["Marketplace", "Onboarding", "Customer Tools", "Internal Tools"]),
    ("data",
     ["Data Engineer", "Analytics Engineer", "Big Data Engineer", "Data Platform Engineer"],
     {"data": 5, "database": 2.5, "language": 1.5, "cloud": 1.5, "tool": 1, "messaging": 1},
     ["Python", "Scala", "SQL", "Spark", "Snowflake", "dbt", "Airflow"],
     ["Data Platform", "Analytics", "Data Infrastructure", "Insights"]),
    ("ml",
     ["Machine Learning Engineer", "ML Engineer", "Data Scientist", "Applied Scientist",
      "MLOps Engineer"],
     {"ml": 5, "data": 2.5, "language": 1.5, "cloud": 1.5, "container": 0.5},
     ["Python", "PyTorch", "TensorFlow", "LLM", "scikit-learn"],
     ["Recommendations", "Forecasting", "Applied AI", "Ranking", "ML Platform"]),
    ("devops",
     ["DevOps Engineer", "Site Reliability Engineer", "Platform Engineer", "Cloud Engineer",
      "Infrastructure Engineer"],
     {"container": 3, "cloud": 3, "iac": 3, "ci-cd": 3, "observability": 2.5, "os": 1.5,
      "language": 1, "security": 1, "vcs": 0.5, "messaging": 0.5},
     ["Kubernetes", "AWS", "Terraform", "Azure", "Google Cloud", "Linux"],
     ["Platform", "Reliability", "Cloud Infrastructure", "Developer Experience"]),
    ("mobile",
     ["iOS Engineer", "Android Developer", "Mobile Engineer", "Mobile Developer"],
     {"mobile": 5, "language": 2, "testing": 1.5, "api": 1, "ci-cd": 1, "tool": 0.5},
     ["Swift", "Kotlin", "React Native", "Flutter", "iOS", "Android"],
     ["Mobile", "App Experience", "Driver App", "Consumer Apps"]),
    ("security",
     ["Security Engineer", "Application Security Engineer", "Cloud Security Engineer",
      "Security Analyst"],
     {"security": 5, "cloud": 2, "os": 1.5, "certification": 1, "practice": 1, "language": 1,
      "container": 0.5},
     ["OWASP", "AWS", "Kubernetes", "Python", "Vault"],
     ["Security", "Product Security", "Trust & Safety", "Detection & Response"]),
    ("qa",
     ["QA Engineer", "Test Automation Engineer", "SDET", "Quality Engineer"],
     {"testing": 5, "ci-cd": 1.5, "language": 1.5, "tool": 1.5, "practice": 1},
     ["Selenium", "Cypress", "Playwright", "Java", "Python", "TypeScript"],
     ["Quality", "Test Infrastructure", "Release Engineering"]),
    ("embedded",
     ["Embedded Software Engineer", "Firmware Engineer", "Embedded Linux Developer",
      "Embedded Systems Engineer"],
     {"language": 2, "os": 2.5, "api": 2, "tool": 2, "testing": 1, "vcs": 0.5},
     ["C", "C++", "Rust", "Embedded Linux", "FreeRTOS", "Zephyr"],
     ["Firmware", "Devices", "Connectivity", "Robotics"]),
    ("dba",
     ["Database Engineer", "Database Administrator", "Database Reliability Engineer"],
     {"database": 5, "cloud": 1.5, "os": 1, "language": 1, "cache": 1, "observability": 1},
     ["PostgreSQL", "MySQL", "Oracle", "MongoDB", "Cassandra"],
     ["Data Stores", "Storage", "Database Reliability"]),
]


class Dictionary:
    def __init__(self, terms):
        self.terms = terms
        self.by_cat = {}
        for t in terms:
            self.by_cat.setdefault(t.category, []).append(t)
        lookup = {}
        for t in terms:
            lookup.setdefault(t.name.casefold(), t)
        for t in terms:
            for a in t.aliases:
                lookup.setdefault(a.casefold(), t)
        self.lookup = lookup
        self.pop_by_cat = {}
        seen = self.popular = []
        for p in POPULAR:
            t = lookup.get(p.casefold())
            if t is not None and t not in seen:
                seen.append(t)
                self.pop_by_cat.setdefault(t.category, []).append(t)
        self.roles = []
        for key, nouns, weights, primaries, teams in ROLES:
            cats = [(c, w) for c, w in sorted(weights.items()) if c in self.by_cat]
            if not cats:
                continue
            prim = [lookup[p.casefold()] for p in primaries if p.casefold() in lookup]
            cum, acc = [], 0.0
            for _, w in cats:
                acc += w
                cum.append(acc)
            self.roles.append((key, nouns, [c for c, _ in cats], cum, prim, teams))
        if not self.roles:
            sys.exit("gen_corpus.py: the dictionary has none of the expected categories")

    def draw(self, rng, role, n):
        """n distinct terms for a posting of this role, the primary first."""
        _, _, cats, cum, prim, _ = role
        chosen = []
        if prim:
            chosen.append(prim[int(rng.random() * len(prim))])
        tries = 0
        while len(chosen) < n and tries < n * 20:
            tries += 1
            cat = cats[bisect.bisect_left(cum, rng.random() * cum[-1])]
            pool = self.pop_by_cat.get(cat) if rng.random() < 0.55 else None
            if not pool:
                pool = self.by_cat[cat]
            t = pool[int(rng.random() * len(pool))]
            if t not in chosen:
                chosen.append(t)
        while len(chosen) < n:  # tiny dictionaries: anything
            t = self.terms[int(rng.random() * len(self.terms))]
            if t not in chosen:
                chosen.append(t)
        return chosen


def alias_case(rng, a):
    r = rng.random()
    if r < 0.5:
        return a
    if r < 0.85:
        return " ".join(w[:1].upper() + w[1:] for w in a.split(" "))
    return a.upper() if len(a) <= 8 else a


def surface(rng, t):
    """How a posting writes the term: canonical name, an alias, varied case.
    Guarded (ambiguous) terms only match in their exact case, so keep it."""
    if t.guarded:
        if t.aliases and rng.random() < 0.15:
            return alias_case(rng, t.aliases[int(rng.random() * len(t.aliases))])
        return t.name
    r = rng.random()
    if r < 0.55:
        return t.name
    if r < 0.80 and t.aliases:
        return alias_case(rng, t.aliases[int(rng.random() * len(t.aliases))])
    if r < 0.92:
        return t.name.lower()
    if r < 0.97 and len(t.name) <= 8:
        return t.name.upper()
    return t.name


# ---------------------------------------------------------------------------
# Words and places

ENGLISH_FIRST = """North Blue Iron Bright Quantum Silver Cedar Harbor Nova Atlas Lumen Vertex Polar
Kite Maple Orbit Pixel Summit Tidal Zephyr Ember Falcon Granite Helix Juniper Meridian Nimbus Onyx
Prism Sable Cobalt Aurora Fable Copper Lantern Willow Beacon Alder Basalt Heron""".split()
ENGLISH_SECOND = """wind stone wave forge bridge leaf path point field light works lane gate line
shift loop scale stack base mint spark grid craft yard""".split()
ACCENTED_FIRST = """M\u00fcller S\u00f6derberg Caf\u00e9 \u00c5ngstr\u00f6m \u00d8resund Se\u00f1al
\u0141\u00f3d\u017a Z\u00fcrich Cr\u00e8me B\u00e4ckerei Fj\u00e4ll \u00c9gide \u00d1and\u00fa Krak\u00f3w
Malm\u00f6 G\u00f6del Bj\u00f6rk Fran\u00e7ois H\u00e9lios N\u00f8rd""".split()
INDUSTRY = """Logistics Analytics Health Labs Systems Technologies Software Robotics Payments Bank
Insurance Energy Media Games Mobility AI Security Cloud Retail Foods Travel Mobility Biotech""".split()
LEGAL = ["", "", "", "", " GmbH", " Inc.", " Ltd", " B.V.", " SAS", " AB", " AG", " S.A.",
         " K.K.", " Oy", " LLC", " GmbH & Co. KG", " SE"]
CJK_COMPANIES = ["\u6771\u4eac\u30c7\u30fc\u30bf\u682a\u5f0f\u4f1a\u793e",
                 "\u30b5\u30af\u30e9 Robotics", "\u661f\u6cb3 Analytics",
                 "\ud55c\uac15 Software"]

# city, region, country code, country, currency
CITIES = [
    ("Berlin", "Berlin", "DE", "Germany", "EUR"), ("M\u00fcnchen", "Bayern", "DE", "Germany", "EUR"),
    ("Hamburg", "Hamburg", "DE", "Germany", "EUR"), ("K\u00f6ln", "NRW", "DE", "Germany", "EUR"),
    ("Z\u00fcrich", "ZH", "CH", "Switzerland", "CHF"), ("Gen\u00e8ve", "GE", "CH", "Switzerland", "CHF"),
    ("Wien", "Wien", "AT", "Austria", "EUR"), ("Amsterdam", "Noord-Holland", "NL", "Netherlands", "EUR"),
    ("Rotterdam", "Zuid-Holland", "NL", "Netherlands", "EUR"), ("Paris", "\u00cele-de-France", "FR", "France", "EUR"),
    ("Lyon", "Auvergne-Rh\u00f4ne-Alpes", "FR", "France", "EUR"), ("Montr\u00e9al", "QC", "CA", "Canada", "CAD"),
    ("Toronto", "ON", "CA", "Canada", "CAD"), ("S\u00e3o Paulo", "SP", "BR", "Brazil", "BRL"),
    ("Krak\u00f3w", "Ma\u0142opolskie", "PL", "Poland", "PLN"), ("Malm\u00f6", "Sk\u00e5ne", "SE", "Sweden", "SEK"),
    ("Stockholm", "Stockholm", "SE", "Sweden", "SEK"), ("K\u00f8benhavn", "Hovedstaden", "DK", "Denmark", "DKK"),
    ("Oslo", "Oslo", "NO", "Norway", "NOK"), ("Reykjav\u00edk", "", "IS", "Iceland", "ISK"),
    ("Helsinki", "Uusimaa", "FI", "Finland", "EUR"), ("Barcelona", "Catalu\u00f1a", "ES", "Spain", "EUR"),
    ("A Coru\u00f1a", "Galicia", "ES", "Spain", "EUR"), ("Lisboa", "Lisboa", "PT", "Portugal", "EUR"),
    ("Dublin", "Leinster", "IE", "Ireland", "EUR"), ("London", "England", "GB", "United Kingdom", "GBP"),
    ("Edinburgh", "Scotland", "GB", "United Kingdom", "GBP"), ("New York", "NY", "US", "United States", "USD"),
    ("San Francisco", "CA", "US", "United States", "USD"), ("Austin", "TX", "US", "United States", "USD"),
    ("Seattle", "WA", "US", "United States", "USD"), ("T\u014dky\u014d", "\u6771\u4eac\u90fd", "JP", "Japan", "JPY"),
    ("Singapore", "", "SG", "Singapore", "SGD"), ("Bengaluru", "Karnataka", "IN", "India", "INR"),
    ("Tel Aviv", "", "IL", "Israel", "ILS"),
]
WORK_MODES = ["Remote", "Hybrid (2 days/week in office)", "On-site", "Remote \u2013 Europe",
              "Hybrid \u00b7 3 days in office", "Remote (EU time zones)", "Full-time \u00b7 Hybrid",
              "Remote-first", "On-site, 4-day week"]
SENIORITY = ["", "", "", "Senior ", "Senior ", "Senior ", "Staff ", "Lead ", "Principal ",
             "Junior ", "Mid-level ", "Sr. "]
GENDER_TAGS = ["", "", "", "", "", " (m/w/d)", " (f/m/x)", " (all genders)", " (H/F)"]

BOARDS = [  # name, domain, style
    ("HireLoop", "hireloop.example", "bem"), ("TalentHarbor", "talentharbor.example", "emotion"),
    ("JobNest", "jobnest.example", "tailwind"), ("StackCareers", "stackcareers.example", "bootstrap"),
    ("RemoteRocket", "remoterocket.example", "tailwind"), ("DevBoard", "devboard.example", "bem"),
    ("WorkWave", "workwave.example", "emotion"),
    ("Jobb\u00f6rse S\u00fcd", "jobboerse-sued.example", "bootstrap"),
    ("Empleo T\u00e9cnico", "empleotecnico.example", "bem"), (None, None, "career"),
]

CUSTOMERS = ["retailers", "hospitals", "logistics companies", "banks", "city governments",
             "insurers", "farmers", "airlines", "schools", "small businesses", "game studios",
             "energy providers", "freight forwarders", "pharmacies"]
MISSIONS = ["make freight greener", "bring banking to everyone", "help clinicians spend time with patients",
            "make public transport boring in the best way", "cut food waste in half",
            "make hiring fair", "give small shops the tools of big ones",
            "keep the lights on with renewable energy", "make insurance understandable"]
THINGS = ["shipments", "payments", "orders", "prescriptions", "sensor readings", "bookings",
          "invoices", "messages", "search queries", "trips"]
INVESTORS = ["long-term investors", "a group of angel investors", "our customers, and nobody else",
             "Index-like VCs and a sovereign fund", "a family office in Z\u00fcrich"]
BELIEFS = ["software should be boring to operate and delightful to use",
           "small teams with real ownership build the best products",
           "the best code is the code you don't have to write",
           "writing things down is a superpower"]

# ---------------------------------------------------------------------------
# Sentence templates. HTML (entities allowed); {A} {B} {C} are terms, other
# fields filled per page. "'" becomes the page's apostrophe style.

ABOUT = [
    "{company} was founded in {year} in {city} and today helps {customers} {mission_verb}. We are "
    "{n_emp} people across {n_off} offices, about {n_eng} of them in engineering, product &amp; design.",
    "At {company}, we believe {belief}. Since {year} we have grown from a handful of founders to a "
    "team of {n_emp}, backed by {investors}.",
    "We're {company} \u2014 a {adj} company on a mission to {mission}. Our customers include "
    "{customers} and {customers2} in {n_countries} countries.",
    "Our platform processes {big} {things} every {period}, and our engineers own what they build, "
    "from the first design note to the pager.",
    "{company} is profitable, {adj} and remote-friendly. We've been around since {year}, which in "
    "our industry makes us almost ancient \u2014 and we're still shipping every day.",
    "Every day, {customers} rely on {company} to move {big} {things}. Behind that number is a "
    "small team that likes hard problems, clear writing and good coffee.",
]
ABOUT_TECH = {
    2: ["Our stack today is built on {A} and {B}, and we are not dogmatic about it.",
        "Under the hood you'll find {A} and {B}.",
        "Our engineers work with {A} and {B} every day."],
    3: ["Our stack today includes {A}, {B} and {C}, and we are not dogmatic about it.",
        "Under the hood you'll find {A} and {B}, plus a healthy dose of {C}.",
        "Technologies we use: {A}, {B}, {C} \u2014 and whatever fits the problem best.",
        "Our engineers work with {A}, {B} and {C} every day."],
}
INTRO = [
    "We're looking for a {title_lc} to join our {team} team in {city}. You'll work on systems "
    "that {customers} use every day, with a lot of autonomy and a short path to production.",
    "As a {title_lc} on the {team} team, you will help us turn a fast-growing set of services into "
    "a platform other teams can build on.",
    "This is a {mode_lc} role in our {team} team. You'll report to our Head of Engineering and "
    "work with {n_team} engineers who care about their craft.",
    "Join {company}'s {team} team as a {title_lc}. You'll shape how we build our {product} for the "
    "next {n_years} years \u2014 and have fun doing it.",
]
# Bullet templates by number of terms. An entry (GROUP, text) is only used when the
# first term's category is in that group (see GROUP_OF); plain texts fit any term.
RESP = {
    0: ["Own features end to end, from design documents to production rollouts.",
        "Work closely with product managers and designers to shape the roadmap.",
        "Take part in a fair on-call rotation (one week in {k}, compensated).",
        "Review code and share knowledge through pairing and design reviews.",
        "Mentor junior engineers and help them grow.",
        "Improve the reliability, latency and cost of the systems your team owns.",
        "Write clear design notes and runbooks \u2014 and keep them up to date.",
        "Talk to customers: every engineer joins a support rotation twice a quarter.",
        "Break down ambiguous problems into small, shippable increments."],
    1: ["Bring {A} to more of our teams, with docs and examples people actually read.",
        "Own the parts of our stack that depend on {A}.",
        "Help us get the most out of {A}: profiling, tuning and the occasional deep dive.",
        ("code", "Design, build and operate services written in {A}."),
        ("code", "Write clean, well-tested {A} code that others enjoy reading."),
        ("code", "Migrate legacy components to {A}, one service at a time."),
        ("framework", "Build features with {A}, from the first sketch to production."),
        ("framework", "Ship improvements to our {A}-based {product} every week."),
        ("framework", "Keep our {A} codebase healthy: upgrades, refactors, fewer surprises."),
        ("store", "Model data in {A} and keep queries fast as volumes double year over year."),
        ("store", "Operate {A}: backups, upgrades, failovers and the occasional slow query."),
        ("infra", "Run our workloads on {A}, including rollouts, alerts and capacity planning."),
        ("infra", "Evolve our {A} setup as traffic grows {growth}."),
        ("infra", "Own the {A} layer of our platform, from upgrades to cost reviews."),
        ("data", "Build and maintain {A} pipelines that {purpose}."),
        ("ml", "Train, evaluate and ship models with {A}."),
        ("test", "Grow our automated test suite with {A} and keep it fast and reliable."),
        ("obs", "Instrument services with {A} and define meaningful SLOs."),
        ("obs", "Build {A} dashboards and alerts that people actually look at."),
        ("msg", "Publish and consume events over {A}, with clear contracts between teams."),
        ("msg", "Design {A} interfaces that other teams love to integrate with."),
        ("sec", "Harden our systems with {A} and run regular threat-modelling sessions."),
        ("sec", "Roll out {A} across the company, one team at a time."),
        ("tool", "Automate repetitive work with {A} and keep the toolchain healthy."),
        ("practice", "Champion {A} across teams \u2014 by example, not by slide deck.")],
    2: ["Work with {A} and {B} every day.",
        "Connect {A} to {B} and make the integration observable.",
        "Replace hand-written glue with {A} and {B} where it pays off.",
        "Keep our {A} and {B} environments reproducible and secure.",
        ("code", "Build {A} services backed by {B}, with clear contracts between teams."),
        ("store", "Model data in {A} and expose it through {B}."),
        ("infra", "Run workloads on {A} and {B}, including rollouts, alerts and capacity planning.")],
    3: ["Keep our {A}, {B} and {C} setup fast, secure and boring.",
        "Design the next version of our platform around {A}, {B} and {C}.",
        "Make {A}, {B} and {C} work together without a 40-page wiki."],
}
REQ = {
    0: ["Fluent English; German or French is a plus.",
        "A habit of writing things down: design notes, post-mortems, documentation.",
        "You care about tests, readable code and calm on-call rotations.",
        "Excellent communication skills in a remote-first setup.",
        "A degree in computer science or equivalent practical experience.",
        "You enjoy working with people from different backgrounds and time zones.",
        "The ability to explain trade-offs to non-engineers \u2014 without jargon."],
    1: ["{years} years of professional experience with {A}.",
        "Solid experience with {A} in production.",
        "Hands-on experience with {A} at scale.",
        "You know your way around {A} and its ecosystem.",
        "Experience with {A} \u2014 you have shipped real projects with it.",
        ("code", "Strong programming skills in {A}."),
        ("code", "{years} years writing production {A}."),
        ("framework", "Experience building applications with {A}."),
        ("store", "Deep knowledge of {A}: indexes, query plans, replication."),
        ("infra", "Experience running production systems on {A}."),
        ("data", "Experience building data pipelines with {A}."),
        ("ml", "Experience training and deploying models with {A}."),
        ("test", "Experience writing automated tests with {A}."),
        ("obs", "Experience monitoring systems with {A}."),
        ("sec", "A solid understanding of {A}."),
        ("practice", "You practise {A}, not just talk about it."),
        ("cert", "{A} certification (or working towards it).")],
    2: ["Solid experience with {A} and {B} in production.",
        "Hands-on experience with {A}, {B} or a similar technology.",
        "You know your way around {A} and have used {B} at scale.",
        "Familiarity with {A} (we use it daily) and with {B}.",
        ("code", "Strong programming skills in {A}; experience with {B} is expected.")],
    3: ["Comfort working with {A}, {B} and {C} \u2014 or the curiosity to learn them quickly.",
        "Experience with {A}, {B} and {C} in a production environment.",
        "{years} years building software with {A}, {B} and {C}."],
}
NICE = {
    0: ["Open-source contributions we can look at.",
        "Experience in a fast-growing start-up.",
        "You have given a talk, written a blog post or mentored someone \u2014 and liked it."],
    1: ["Experience with {A}.",
        "Bonus points for {A} experience.",
        "Exposure to {A} in a previous role.",
        ("framework", "You have contributed to {A} or another open-source project."),
        ("cert", "An {A} certification \u2014 nice, never required.")],
    2: ["Exposure to {A} or {B}.",
        "Knowledge of {A} and {B} would be great.",
        "Experience with {A} and {B} is a plus."],
    3: ["Familiarity with {A}, {B} or {C}.",
        "Any experience with {A}, {B} and {C}."],
}
GROUP_OF = {"language": "code", "backend-framework": "framework", "frontend": "framework",
            "mobile": "framework", "orm": "framework", "database": "store", "cache": "store",
            "cloud": "infra", "container": "infra", "iac": "infra", "ci-cd": "infra", "os": "infra",
            "data": "data", "ml": "ml", "testing": "test", "observability": "obs",
            "messaging": "msg", "api": "msg", "security": "sec", "tool": "tool", "vcs": "tool",
            "practice": "practice", "soft-skill": "practice", "certification": "cert"}


def split_table(table):
    """{arity: [generic texts]}, {(arity, group): [texts]}"""
    generic, specific = {}, {}
    for k, entries in table.items():
        for e in entries:
            if isinstance(e, tuple):
                specific.setdefault((k, e[0]), []).append(e[1])
            else:
                generic.setdefault(k, []).append(e)
    return generic, specific


RESP_T, REQ_T, NICE_T = split_table(RESP), split_table(REQ), split_table(NICE)


GUARDED = {  # a context the guards of ambiguous terms accept; {B} a related term
    1: ["Hands-on experience with {A} in production.",
        "{years} years of experience with {A}.",
        "Strong experience with {A} as part of our tech stack.",
        "Experience with {A}; we use it every day.",
        "You have worked with {A} on real projects.",
        "Build and operate services using {A}."],
    2: ["Hands-on experience with {A} and {B}.",
        "Experience with {A} and {B} in production.",
        "You have worked with {A} alongside {B}.",
        "Build and operate services using {A} and {B}.",
        "Our tech stack: {A}, {B} and a lot of curiosity.",
        "{years} years of experience with {A} and {B}."],
}
BENEFITS = [
    "{salary} gross per year, plus equity",
    "{days} days of paid vacation \U0001f334",
    "{cur_sym}{budget} yearly learning budget \u2013 conferences, books, courses",
    "Flexible working hours &amp; a remote-friendly culture",
    "Home-office setup of your choice (laptop, screen, chair)",
    "Public transport ticket &amp; bike leasing",
    "Private health insurance for you and your family",
    "Parental leave well beyond the legal minimum",
    "Team off-sites twice a year \u2014 the last one was in Mallorca \u2600\ufe0f",
    "Free lunch on office days and excellent coffee \u2615",
    "Relocation support and visa sponsorship",
    "Pension plan with a 5&nbsp;% employer match",
    "Gym membership or a wellbeing budget of {cur_sym}{gym}/month",
    "Hybrid: {k}&nbsp;days/week in our {city} office",
    "\u201cNo-meeting Wednesdays\u201d for focused work",
    "A 4-day week in July &amp; August",
    "Sabbatical after {k} years \u2014 paid",
]
CLOSING = [
    "{company} is an equal opportunity employer. We welcome applications from people of all "
    "backgrounds, regardless of gender, ethnicity, religion, disability, sexual orientation or age.",
    "Don't meet every requirement? Studies show that many people only apply when they tick every "
    "box. If you're excited about this role, apply anyway \u2014 we'd love to hear from you.",
    "Questions? Write to jobs@{domain} \u2014 we answer every message within {k}&nbsp;working days.",
    "Our interview process: a 30-minute call, a take-home exercise (max. {k}&nbsp;hours, paid) and "
    "a conversation with the team. No brain teasers, no whiteboard trivia.",
]
CLOSING_EXTRA = ["Wir freuen uns auf deine Bewerbung!", "Au plaisir de vous lire\u00a0!",
                 "\u5fdc\u52df\u3092\u304a\u5f85\u3061\u3057\u3066\u3044\u307e\u3059\u3002",
                 "\u00a1Te esperamos!", "Vi ses! \U0001f44b", "\U0001f680 Let's build this together."]
PURPOSES = ["feed our pricing engine", "keep the warehouse in sync", "power our search",
            "turn raw events into reports", "score fraud in real time", "train our models nightly"]
GROWTHS = ["tenfold", "by 3\u00d7 a year", "from thousands to millions of requests a day",
           "across three continents"]
PRODUCTS = ["routing engine", "checkout", "candidate portal", "mobile app", "data platform",
            "scheduling service", "billing system", "search experience", "device fleet"]
ADJS = ["small", "fast-growing", "bootstrapped", "employee-owned", "B-Corp certified",
        "venture-backed", "20-year-old", "remote-first"]
MISSION_VERBS = ["plan their routes", "get paid faster", "understand their data",
                 "ship on time", "find the right people", "cut their energy bills"]
HEADINGS = {  # section: variants (the first most often)
    "about": ["About us", "About us", "About {company}"],
    "resp": ["What you'll do", "What you'll do", "What you will do", "Responsibilities"],
    "req": ["Requirements", "Requirements", "What you'll need", "Who you are"],
    "nice": ["Nice to have", "Nice to have", "Bonus points"],
    "benefits": ["Benefits", "Benefits", "What we offer"],
}

# ---------------------------------------------------------------------------
# Heavy content: pools built once per seed, assembled per page.

JS_WORDS = """jobs apply search filter locale consent session tracking modal toast tooltip carousel
pagination salary remote location department team share bookmark alert profile upload resume
cookie banner theme dark light viewport analytics experiment variant feature flag cache retry
timeout fetch render hydrate router prefetch lazy image icon menu drawer dropdown select input
submit form error success pending loaded visible sticky header footer scroll resize focus blur
token refresh user anonymous guest candidate employer listing""".split()
JS_IDENTS = (list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
             + ["_e", "$t", "Ee", "Te", "Re", "Oe", "Ae", "Pe", "ke", "xe", "we", "ye", "ve",
                "be", "ge", "me", "he", "pe", "fe", "de", "ce", "ue", "le", "se", "ie", "ae",
                "oe", "ne", "re", "te", "ee", "useState", "useEffect", "useMemo", "jsx", "jsxs"])
JS_TEMPLATES = [
    "var $i=$i($n),$i=$i.n($i),$i=$i($n);",
    "function $i($i,$i){if(!($i instanceof $i))throw new TypeError(\"Cannot call a class as a function\")}",
    "function $i($i,$i){for(var $i=0;$i<$i.length;$i++){var $i=$i[$i];$i.enumerable=$i.enumerable||!1,"
    "$i.configurable=!0,\"value\"in $i&&($i.writable=!0),Object.defineProperty($i,$i.key,$i)}}",
    "Object.defineProperty($i,\"__esModule\",{value:!0}),$i.default=void 0;",
    "$i.prototype.$w=function($i){var $i=this;return this.$w.then(function($i){return $i.$w($i,"
    "{method:\"POST\",credentials:\"include\"})})};",
    "const $i=($i,$i)=>$i.reduce(($i,$i)=>($i[$i.$w]=$i,$i),{});",
    "$i.addEventListener(\"$w\",function($i){$i.preventDefault(),$i.stopPropagation(),"
    "$i($i.target.closest(\"[data-$w]\"))},{passive:!0});",
    "if(\"undefined\"!=typeof window&&window.$w){var $i=window.$w.$w||{};$i.$w=$n}",
    "try{localStorage.setItem(\"$w\",JSON.stringify({t:Date.now(),v:$n}))}catch($i){}",
    "$i=$i||{},$i.$w=function(){return($i.$w=$i.$w||[]).push(arguments)};",
    "var $i=\"$w_$h\",$i=[$n,$n,$n,$n],$i=Math.max.apply(null,$i);",
    "switch($i.type){case\"$W\":return{...$i,$w:!0};case\"$W\":return{...$i,$w:$i.payload};default:return $i}",
    "$i.exports=function($i){return $i&&$i.__esModule?$i:{default:$i}};",
    "async function $i($i){const $i=await fetch(\"/api/v2/$w/\"+$i,{headers:{Accept:\"application/json\"}});"
    "if(!$i.ok)throw new Error(\"$w \"+$i.status);return $i.json()}",
    "new IntersectionObserver(function($i){$i.forEach(function($i){$i.isIntersecting&&"
    "$i.target.classList.add(\"is-$w\")})},{rootMargin:\"0px 0px $npx 0px\"});",
    "$i.prototype.render=function(){var $i=this.props,$i=$i.className,$i=$i.children;"
    "return(0,$i.jsx)(\"div\",{className:\"$w-$w $c\",children:$i})};",
    "$i.$w=Symbol.for(\"react.$w\"),$i.$w=Symbol.for(\"react.$w\");",
    "for(var $i=[],$i=0;$i<$n;++$i)$i.push(($i+$n).toString(16).substr(1));",
    "$i.d($i,{$w:function(){return $i},$w:function(){return $i},$w:function(){return $i}});",
    "var $i={$w:\"$W\",$w:$n,$w:!$b,$w:\"$h\",$w:[\"$w\",\"$w\",\"$w\"]};",
    "function $i($i){return $i&&\"object\"==typeof $i&&\"default\"in $i?$i:{default:$i}}",
    "var $i=function($i,$i){return $i=$i||{},Object.keys($i).forEach(function($i){"
    "$i[$i]=\"function\"==typeof $i[$i]?$i[$i].bind($i):$i[$i]}),$i};",
    "$i.$w=function($i,$i){return void 0===$i&&($i=$n),new Promise(function($i,$i){"
    "setTimeout($i,$i)})};",
    "const[$i,$i]=(0,$i.useState)(!$b),$i=(0,$i.useMemo)(()=>$i.filter($i=>$i.$w===$i),[$i,$i]);",
    "($i=$i.$w)===null||void 0===$i||$i.call($i,{event:\"$w_$w\",value:$n});",
    "var $i=new RegExp(\"^(?:$w|$w|$w)$\",\"i\");",
    "$i.style.setProperty(\"--$w-$w\",$i+\"px\"),$i.setAttribute(\"aria-expanded\",String(!$b));",
    "var $i=[\"$w\",\"$w\",\"$w\",\"$w\",\"$w\",\"$w\",\"$w\",\"$w\"];",
    "$i.exports=JSON.parse('{\"$w\":\"$W\",\"$w\":\"$h\",\"$w\":$n}');",
]
JS_TOKEN = re.compile(r"\$[inwWhbc]")

CSS_PROPS = [
    "display:flex", "display:grid", "display:block", "display:none", "display:inline-flex",
    "margin:0 auto", "margin:0", "padding:$px $px", "padding:0", "color:#$x", "background:#$x",
    "background-color:#$x", "border:1px solid #$x", "border-radius:$px", "font-size:$r",
    "font-weight:$w", "line-height:$l", "letter-spacing:-.0$dem", "position:relative",
    "position:absolute", "top:0", "left:0", "right:$px", "z-index:$n", "width:100%",
    "max-width:$0px", "min-height:$px", "align-items:center", "justify-content:space-between",
    "gap:$px", "grid-template-columns:repeat($d,minmax(0,1fr))", "overflow:hidden",
    "text-overflow:ellipsis", "white-space:nowrap", "cursor:pointer", "opacity:.$d",
    "transition:all .$ds ease-in-out", "transform:translate(-50%,-50%)",
    "box-shadow:0 $px $px rgba(0,0,0,.$d)", "outline:2px solid #$x", "outline-offset:2px",
    "font-family:-apple-system,BlinkMacSystemFont,\"Segoe UI\",Roboto,Helvetica,Arial,sans-serif",
    "--$v-color-$v:#$x", "--$v-space-$d:$px", "color:var(--$v-color-$v)",
    "-webkit-font-smoothing:antialiased", "text-decoration:none", "list-style:none",
    "flex:1 1 auto", "flex-direction:column", "animation:$v-fade .$ds ease-out both",
]
CSS_WORDS = """nav header footer job card title meta badge chip btn apply search input list item
link logo icon grid row col container wrapper content sidebar modal overlay toast banner cookie
share tag salary location company description section heading body text muted primary
secondary tertiary ghost outline active disabled""".split()


def _num(rng, lo, hi, places=2):
    s = "%.*f" % (places, rng.uniform(lo, hi))
    s = s.rstrip("0").rstrip(".")
    if s.startswith("0."):
        s = s[1:]
    elif s.startswith("-0."):
        s = "-" + s[2:]
    return s or "0"


def path_data(rng, ncmd):
    """SVG path data in the minified style of icon sets."""
    out = ["M%s %s" % (_num(rng, 0, 24), _num(rng, 0, 24))]
    for _ in range(ncmd):
        c = rng.choice("cccslLhvaCSzm")
        if c == "z":
            out.append("z")
            out.append("M%s %s" % (_num(rng, 0, 24), _num(rng, 0, 24)))
            continue
        n = {"c": 6, "C": 6, "s": 4, "S": 4, "l": 2, "L": 2, "h": 1, "v": 1, "m": 2, "a": 7}[c]
        if c == "a":
            nums = [_num(rng, 0, 12), _num(rng, 0, 12), "0", str(rng.randint(0, 1)),
                    str(rng.randint(0, 1)), _num(rng, -12, 12), _num(rng, -12, 12)]
        else:
            lo, hi = (0, 24) if c.isupper() else (-9, 9)
            nums = [_num(rng, lo, hi) for _ in range(n)]
        s = c + nums[0]
        for v in nums[1:]:
            s += v if v.startswith("-") else " " + v
        out.append(s)
    return "".join(out)


def js_statement(rng):
    t = JS_TEMPLATES[int(rng.random() * len(JS_TEMPLATES))]

    def fill(m):
        k = m.group(0)[1]
        if k == "i":
            return JS_IDENTS[int(rng.random() * len(JS_IDENTS))]
        if k == "n":
            return str(rng.choice((rng.randint(0, 9), rng.randint(10, 999), rng.randint(1000, 99999))))
        if k == "w":
            return JS_WORDS[int(rng.random() * len(JS_WORDS))]
        if k == "W":
            return JS_WORDS[int(rng.random() * len(JS_WORDS))].upper() + "_" + \
                JS_WORDS[int(rng.random() * len(JS_WORDS))].upper()
        if k == "h":
            return "%08x" % rng.getrandbits(32)
        if k == "b":
            return str(rng.randint(0, 1))
        return "css-%s" % base36(rng.getrandbits(30))
    return JS_TOKEN.sub(fill, t)


def base36(n):
    s = ""
    while True:
        n, r = divmod(n, 36)
        s = "0123456789abcdefghijklmnopqrstuvwxyz"[r] + s
        if n == 0:
            return s


def css_rule(rng, pretty):
    w = CSS_WORDS
    k = rng.random()
    if k < 0.3:
        sel = ".%s-%s__%s" % (rng.choice(("jb", "ui", "c", "app")), rng.choice(w), rng.choice(w))
    elif k < 0.5:
        sel = ".css-%s" % base36(rng.getrandbits(32))
    elif k < 0.65:
        sel = ".%s-%s:hover,.%s-%s:focus-visible" % (rng.choice(w), rng.choice(w), rng.choice(w), rng.choice(w))
    elif k < 0.8:
        sel = ".%s>.%s-%s" % (rng.choice(w), rng.choice(w), rng.choice(w))
    elif k < 0.9:
        sel = "#%s .%s %s" % (rng.choice(w), rng.choice(w), rng.choice(("a", "p", "li", "span", "h2", "svg")))
    else:
        sel = ".%s-%s--%s::%s" % (rng.choice(w), rng.choice(w), rng.choice(w), rng.choice(("before", "after")))
    props = []
    for _ in range(rng.randint(1, 7)):
        p = CSS_PROPS[int(rng.random() * len(CSS_PROPS))]
        p = (p.replace("$px", "%dpx" % rng.choice((0, 2, 4, 8, 12, 16, 24, 32, 48)))
              .replace("$x", "%06x" % rng.getrandbits(24))
              .replace("$r", "%srem" % _num(rng, 0.75, 2.5, 3))
              .replace("$w", str(rng.choice((400, 500, 600, 700))))
              .replace("$l", _num(rng, 1.1, 1.8))
              .replace("$n", str(rng.randint(1, 9999)))
              .replace("$d", str(rng.randint(1, 9)))
              .replace("$v", rng.choice(w))
              .replace("$0", str(rng.randint(3, 14) * 100)))
        props.append(p)
    if rng.random() < 0.04:  # an icon inlined as a data URI
        props.append("background-image:url(\"data:image/svg+xml;charset=utf-8,%%3Csvg xmlns='http://www.w3.org/2000/svg'"
                     " viewBox='0 0 24 24'%%3E%%3Cpath fill='%%23%06x' d='%s'/%%3E%%3C/svg%%3E\")"
                     % (rng.getrandbits(24), path_data(rng, rng.randint(8, 30))))
    if pretty:
        body = "".join("  %s;\n" % p.replace(":", ": ", 1) for p in props)
        rule = "%s {\n%s}\n" % (sel.replace(",", ", "), body)
    else:
        rule = "%s{%s}" % (sel, ";".join(props))
    if rng.random() < 0.08:
        bp = rng.choice((480, 640, 768, 1024, 1280))
        rule = ("@media (max-width: %dpx) {\n%s}\n" if pretty else "@media (max-width:%dpx){%s}") % (bp, rule)
    return rule


def font_face(rng, pretty):
    data = base64.b64encode(rng.getrandbits(8 * rng.randint(600, 2400)).to_bytes(2400, "little")).decode()
    fam = rng.choice(("Inter", "Source Sans", "IBM Plex Sans", "Work Sans", "Manrope"))
    s = ("@font-face{font-family:\"%s\";font-style:normal;font-weight:%d;font-display:swap;"
         "src:url(data:font/woff2;base64,%s) format(\"woff2\")}" % (fam, rng.choice((400, 600)), data))
    return s + ("\n" if pretty else "")


class Run:
    """A pool of strings from which contiguous runs of a given byte size are taken."""

    def __init__(self, items):
        self.items = items + items  # wrap around
        self.cum = [0]
        for s in self.items:
            self.cum.append(self.cum[-1] + len(s))
        self.n = len(items)

    def take(self, rng, size):
        if size <= 0:
            return ""
        i = int(rng.random() * self.n)
        size = min(size, self.cum[self.n] - 1)
        j = bisect.bisect_left(self.cum, self.cum[i] + size)
        j = max(j, i + 1)
        return "".join(self.items[i:j])


class Pools:
    def __init__(self, seed):
        rng = random.Random("jobmatch-corpus-pools:%d" % seed)
        self.js = Run([js_statement(rng) for _ in range(5000)])
        self.css_min = Run([font_face(rng, False) if rng.random() < 0.01 else css_rule(rng, False)
                            for _ in range(3000)])
        self.css_pretty = Run([css_rule(rng, True) for _ in range(2500)])
        self.icons = [path_data(rng, rng.randint(5, 28)) for _ in range(300)]
        self.logos = [[path_data(rng, rng.randint(12, 45)) for _ in range(rng.randint(1, 4))]
                      for _ in range(60)]
        self.i18n = []
        for _ in range(3000):
            key = "%s.%s.%s" % (rng.choice(JS_WORDS), rng.choice(JS_WORDS), rng.choice(JS_WORDS))
            val = rng.choice(UI_STRINGS)
            self.i18n.append((key, val))


UI_STRINGS = ["Apply now", "Save job", "Share", "Report this job", "Jobs you may like",
              "Sign in to see more", "Jetzt bewerben", "Postuler maintenant", "Stelle speichern",
              "Ver m\u00e1s empleos", "\u5fdc\u52df\u3059\u308b", "Fermer", "Schlie\u00dfen",
              "Accept all cookies", "Alle akzeptieren", "Tout accepter", "Manage preferences",
              "Something went wrong. Please try again.", "Your application was sent \u2713",
              "Upload your r\u00e9sum\u00e9 (PDF, max. 5\u00a0MB)", "Remote", "Hybrid", "On-site",
              "Full-time", "Part-time", "Posted {n} days ago", "{count} applicants",
              "Salary range", "Show more", "Show less", "Loading\u2026", "Back to search",
              "Similar jobs", "Create job alert", "Weiterlesen", "Lire la suite"]


# ---------------------------------------------------------------------------
# A page


def classes(style, rng, *words):
    if style == "bem":
        return "jb-%s" % "__".join(words)
    if style == "emotion":
        return "css-%s e%s0" % (base36(rng.getrandbits(30)), base36(rng.getrandbits(20)))
    if style == "tailwind":
        return rng.choice(("flex items-center gap-2 text-sm font-medium text-gray-700 hover:text-gray-900",
                           "mx-auto max-w-3xl px-4 sm:px-6 lg:px-8",
                           "mt-6 space-y-4 text-base leading-7 text-slate-800",
                           "inline-flex items-center rounded-md bg-indigo-600 px-3 py-2 text-white shadow-sm",
                           "grid grid-cols-2 gap-8 md:grid-cols-4"))
    if style == "bootstrap":
        return rng.choice(("container", "row", "col-md-8 col-lg-9", "nav-link", "d-flex align-items-center",
                           "list-unstyled mb-0", "card card-body shadow-sm", "btn btn-primary btn-lg"))
    return "-".join(words)


def slugify(s):
    s = re.sub(r"[^a-z0-9]+", "-", s.lower())
    return s.strip("-") or "company"


class Page:
    def __init__(self, rng, dictionary, pools, index):
        self.rng = rng
        self.d = dictionary
        self.pools = pools
        self.index = index

    # -- small helpers
    def pick(self, seq):
        return seq[int(self.rng.random() * len(seq))]

    def svg_icon(self, name, size=None):
        rng = self.rng
        size = size or self.pick((16, 18, 20, 24))
        d = self.pick(self.pools.icons)
        return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="%d" height="%d" '
                'aria-hidden="true" focusable="false" class="icon icon-%s"><path fill="currentColor" '
                'd="%s"/></svg>' % (size, size, name, d)) if rng.random() < 0.8 else (
                '<svg class="icon icon-%s" viewBox="0 0 24 24" fill="none" stroke="currentColor" '
                'stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="%s"/>'
                '</svg>' % (name, d))

    def svg_logo(self, label):
        paths = self.pick(self.pools.logos)
        fills = ["#%06x" % self.rng.getrandbits(24) for _ in paths]
        body = "".join('<path fill="%s" d="%s"/>' % (f, p) for f, p in zip(fills, paths))
        return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 32" width="120" height="32" '
                'role="img" aria-labelledby="logo-title"><title id="logo-title">%s</title>%s</svg>'
                % (html.escape(label), body))

    def company_name(self):
        rng = self.rng
        r = rng.random()
        if r < 0.02:
            return self.pick(CJK_COMPANIES)
        first = self.pick(ACCENTED_FIRST) if r < 0.28 else self.pick(ENGLISH_FIRST)
        if rng.random() < 0.5:
            name = first + self.pick(ENGLISH_SECOND)
        else:
            name = first
        if rng.random() < 0.1:
            name += " & " + self.pick(ACCENTED_FIRST + ENGLISH_FIRST)
        else:
            name += " " + self.pick(INDUSTRY)
        if rng.random() < 0.04:
            name += "\u2122"
        return name + self.pick(LEGAL)

    # -- the posting
    def fill(self, tmpl, terms=()):
        out = tmpl.format(A="{A}", B="{B}", C="{C}", **self.vars) if "{" in tmpl else tmpl
        out = out.replace("'", self.apos)
        for key, t in zip(("{A}", "{B}", "{C}"), terms):
            out = out.replace(key, html.escape(surface(self.rng, t), quote=False))
        return out

    def choose(self, table, group):
        generic, specific = table
        k = len(group)
        spec = specific.get((k, GROUP_OF.get(group[0].category))) if group else None
        if spec and self.rng.random() < 0.65:
            return self.pick(spec)
        return self.pick(generic[k])

    def bullets(self, table, terms, n_extra):
        """<li> texts mentioning every term once, plus n_extra without terms. An ambiguous
        (guarded) term comes with a term of its category when the section has one."""
        rng = self.rng
        items = []
        terms = list(terms)
        while terms:
            t = terms.pop(0)
            if t.guarded:
                mates = [u for u in terms if not u.guarded]
                same = [u for u in mates if u.category == t.category]
                mate = same[0] if same else (mates[0] if mates and rng.random() < 0.7 else None)
                if mate is not None:
                    terms.remove(mate)
                    items.append(self.fill(self.pick(GUARDED[2]), (t, mate)))
                else:
                    items.append(self.fill(self.pick(GUARDED[1]), (t,)))
                continue
            r = rng.random()
            k = 2 if r < 0.3 else 3 if r < 0.4 else 1
            group = [t]
            while terms and len(group) < k and not terms[0].guarded:
                group.append(terms.pop(0))
            items.append(self.fill(self.choose(table, group), group))
        for text in rng.sample(table[0][0], min(n_extra, len(table[0][0]))):
            items.insert(int(rng.random() * (len(items) + 1)), self.fill(text))
        return items

    def posting(self):
        rng = self.rng
        role = self.pick(self.d.roles)
        _, nouns, _, _, _, teams = role
        n_terms = rng.randint(8, 12 + int(13 * self.rich))
        terms = self.d.draw(rng, role, n_terms)
        primary = terms[0]
        city = self.pick(CITIES)
        self.city = city
        company = self.company_name()
        self.company = company
        noun = self.pick(nouns)
        sen = self.pick(SENIORITY)
        r = rng.random()
        if r < 0.35:
            title = "%s%s (%s)" % (sen, noun, primary.name)
        elif r < 0.45:
            title = "%s%s \u2013 %s" % (sen, noun, primary.name)
        else:
            title = sen + noun
        title += self.pick(GENDER_TAGS)
        self.title = title
        self.mode = self.pick(WORK_MODES)
        cur = city[4]
        sym = {"EUR": "\u20ac", "USD": "$", "GBP": "\u00a3", "JPY": "\u00a5", "INR": "\u20b9"}.get(cur, cur + "\u00a0")
        lo = rng.randint(45, 120)
        hi = lo + rng.randint(10, 40)
        if cur == "EUR":
            salary = "\u20ac%d.000\u2013\u20ac%d.000" % (lo, hi)
        elif cur in ("USD", "GBP", "CAD", "SGD"):
            m = 2 if cur == "USD" else 1
            salary = "%s%d,000 \u2013 %s%d,000" % (sym, lo * m, sym, hi * m)
        else:
            salary = "%s%d\u2019000\u2013%d\u2019000" % (sym, lo * 10, hi * 10)
        self.salary = (cur, lo * 1000, hi * 1000)
        self.domain = slugify(company) + ".example.com"
        self.apos = self.pick(("'", "'", "\u2019", "\u2019", "&#8217;", "&rsquo;"))
        self.vars = dict(
            company=html.escape(company, quote=False), city=html.escape(city[0], quote=False),
            year=rng.randint(1998, 2021), customers=self.pick(CUSTOMERS), customers2=self.pick(CUSTOMERS),
            mission=self.pick(MISSIONS), mission_verb=self.pick(MISSION_VERBS),
            n_emp=rng.choice((25, 40, 80, 120, 250, 600, 1200, 4000)), n_off=rng.randint(1, 9),
            n_eng=rng.choice((12, 30, 60, 90, 150, 400)), n_countries=rng.randint(3, 40),
            belief=self.pick(BELIEFS), investors=self.pick(INVESTORS), adj=self.pick(ADJS),
            big=self.pick(("40,000", "2 million", "1.2\u00a0billion", "300k", "15 million")),
            things=self.pick(THINGS), period=self.pick(("day", "hour", "month", "week")),
            title_lc=" ".join(w if w.isupper() or w[1:] != w[1:].lower() else w.lower()
                              for w in html.escape(sen + noun, quote=False).split()),
            team=html.escape(self.pick(teams), quote=False), mode_lc=self.mode[:1].lower() + self.mode[1:],
            n_team=rng.randint(3, 12), product=self.pick(PRODUCTS), n_years=rng.randint(2, 5),
            k=rng.randint(2, 6), purpose=self.pick(PURPOSES), growth=self.pick(GROWTHS),
            years=self.pick(("3+", "5+", "2\u20134", "3\u20135", "4+", "7+")),
            salary=html.escape(salary, quote=False), days=rng.randint(25, 32),
            cur_sym=sym, budget=self.pick(("1.500", "2.000", "1,000", "3,000")),
            gym=rng.randint(30, 80), domain=self.domain)

        # terms per section
        rest = terms[1:]
        rng.shuffle(rest)
        n_about = min(len(rest), self.pick((0, 0, 2, 3)))
        about_t, rest = rest[:n_about], rest[n_about:]
        n = len(rest)
        a, b = int(n * rng.uniform(0.3, 0.4)), int(n * rng.uniform(0.7, 0.8))
        resp_t, req_t, nice_t = rest[:a], [primary] + rest[a:b], rest[b:]
        self.terms = terms

        def heading(sec, level):
            text = self.fill(self.pick(HEADINGS[sec]))
            if level == 0:
                return "<p><strong>%s</strong></p>" % text
            return "<h%d>%s</h%d>" % (level, text, level)

        lvl = self.pick((2, 2, 3, 0))
        nl = self.nl
        parts = []
        about = [self.fill(self.pick(ABOUT))]
        if rng.random() < 0.6:
            about.append(self.fill(self.pick(ABOUT)))
        if len(about_t) >= 2:
            about.append(self.fill(self.pick(ABOUT_TECH[len(about_t)]), about_t))
        parts.append(heading("about", lvl))
        parts.extend("<p>%s</p>" % p for p in about)
        parts.append("<p>%s</p>" % self.fill(self.pick(INTRO)))
        for sec, table, ts in (("resp", RESP_T, resp_t), ("req", REQ_T, req_t), ("nice", NICE_T, nice_t)):
            if not ts and sec == "nice":
                continue
            items = self.bullets(table, ts, rng.randint(1, 3) if sec != "nice" else rng.randint(0, 1))
            parts.append(heading(sec, lvl))
            if rng.random() < 0.15:
                parts.append("<p>%s</p>" % self.fill(self.pick(table[0][0])))
            parts.append("<ul>" + nl + nl.join("<li>%s</li>" % it for it in items) + nl + "</ul>")
        ben = rng.sample(BENEFITS, rng.randint(4, 5 + int(4 * self.rich)))
        parts.append(heading("benefits", lvl))
        parts.append("<ul>" + nl + nl.join("<li>%s</li>" % self.fill(b) for b in ben) + nl + "</ul>")
        closing = [self.fill(c) for c in rng.sample(CLOSING, rng.randint(1, 1 + int(2 * self.rich + 0.5)))]
        if rng.random() < 0.25:
            closing.append(self.pick(CLOSING_EXTRA))
        parts.extend("<p>%s</p>" % c for c in closing)
        self.description = nl.join(parts)

    # -- heavy blocks
    def style_block(self, size):
        pretty = self.rng.random() < 0.3
        pool = self.pools.css_pretty if pretty else self.pools.css_min
        head = '<style%s>' % self.pick(("", "", ' type="text/css"', ' data-emotion="css"', ' id="critical-css"',
                                         ' media="all"'))
        body = pool.take(self.rng, size - len(head) - 8)
        return head + (self.nl if pretty else "") + body + "</style>"

    def bundle_block(self, size):
        rng = self.rng
        kind = rng.random()
        if kind < 0.55:
            mods = []
            left = size - 90
            while left > 120:
                chunk = min(left, int(rng.uniform(400, 4000)))
                mods.append('%d:function(e,t,n){"use strict";%s}' % (rng.randint(100, 99999),
                                                                    self.pools.js.take(rng, chunk - 40)))
                left -= chunk
            return ('<script>(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[%d],{%s}]);</script>'
                    % (rng.randint(100, 9999), ",".join(mods)))
        if kind < 0.85:
            return '<script>!function(){"use strict";%s}();</script>' % self.pools.js.take(rng, size - 40)
        return ('<script>/*! %s v%d.%d.%d | (c) %s | MIT License */%s</script>'
                % (self.pick(("lazysizes", "focus-trap", "tippy.js", "swiper", "dayjs", "a11y-dialog")),
                   rng.randint(1, 9), rng.randint(0, 30), rng.randint(0, 20), rng.randint(2015, 2024),
                   self.pools.js.take(rng, size - 90)))

    def config_block(self, size):
        """The app's state as JSON: the job, flags and UI strings (filled up to size)."""
        rng = self.rng
        tags = [t.name.lower() for t in self.terms[:rng.randint(2, 5)]]
        state = {
            "props": {"pageProps": {
                "job": {"id": rng.randint(10 ** 6, 10 ** 7), "title": self.title,
                        "company": {"name": self.company, "slug": slugify(self.company),
                                    "logo": "https://cdn.%s/logos/%08x.png" % (self.board_domain, rng.getrandbits(32))},
                        "location": {"city": self.city[0], "country": self.city[2], "mode": self.mode},
                        "tags": tags, "salary": {"currency": self.salary[0], "min": self.salary[1],
                                                 "max": self.salary[2]},
                        "postedAt": self.date + "T09:%02d:00Z" % rng.randint(0, 59),
                        "applyUrl": "https://%s/jobs/%d/apply" % (self.board_domain, self.index)},
                "featureFlags": {"%s_%s" % (self.pick(JS_WORDS), self.pick(JS_WORDS)): rng.random() < 0.5
                                 for _ in range(rng.randint(3, 5 + int(25 * self.rich)))},
                "i18n": {}}},
            "page": "/jobs/[slug]", "buildId": "%012x" % rng.getrandbits(48),
            "runtimeConfig": {"sentryDsn": "https://%032x@o%d.ingest.example.io/%d" % (
                rng.getrandbits(128), rng.randint(1000, 99999), rng.randint(100, 9999)),
                "apiBase": "https://api.%s/v2" % self.board_domain, "locale": "en"},
        }
        i18n = state["props"]["pageProps"]["i18n"]
        n = len(json.dumps(state, ensure_ascii=False)) + 80
        pool = self.pools.i18n
        j = int(rng.random() * len(pool))
        while n < size:
            k, v = pool[j % len(pool)]
            j += 1
            if k not in i18n:
                i18n[k] = v
                n += len(k) + len(v.encode()) + 6
        blob = json.dumps(state, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        if rng.random() < 0.5:
            return '<script id="__NEXT_DATA__" type="application/json">%s</script>' % blob
        return "<script>window.__INITIAL_STATE__=%s;</script>" % blob

    def analytics(self):
        rng = self.rng
        gtm = "GTM-%s" % base36(rng.getrandbits(28)).upper()
        snippets = [
            "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),"
            "event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?"
            "'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;"
            "f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','%s');</script>" % gtm,
            "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
            "gtag('js',new Date());gtag('config','G-%s',{anonymize_ip:true,page_type:'job_detail',"
            "job_id:'%d',job_category:'%s'});</script>" % (base36(rng.getrandbits(40)).upper(), self.index,
                                                            self.pick(JS_WORDS)),
            "<script>!function(){var analytics=window.analytics=window.analytics||[];if(!analytics.initialize)"
            "if(analytics.invoked)window.console&&console.error&&console.error(\"Segment snippet included twice.\");"
            "else{analytics.invoked=!0;analytics.methods=[\"trackSubmit\",\"trackClick\",\"trackLink\",\"trackForm\","
            "\"pageview\",\"identify\",\"reset\",\"group\",\"track\",\"ready\",\"alias\",\"debug\",\"page\",\"once\","
            "\"off\",\"on\",\"addSourceMiddleware\",\"addIntegrationMiddleware\",\"setAnonymousId\",\"addDestinationMiddleware\"];"
            "analytics.factory=function(e){return function(){var t=Array.prototype.slice.call(arguments);"
            "t.unshift(e);analytics.push(t);return analytics}};for(var e=0;e<analytics.methods.length;e++)"
            "{var key=analytics.methods[e];analytics[key]=analytics.factory(key)}analytics.load=function(key,e)"
            "{var t=document.createElement(\"script\");t.type=\"text/javascript\";t.async=!0;"
            "t.src=\"https://cdn.segment.example/analytics.js/v1/\"+key+\"/analytics.min.js\";"
            "var n=document.getElementsByTagName(\"script\")[0];n.parentNode.insertBefore(t,n);"
            "analytics._loadOptions=e};analytics._writeKey=\"%s\";analytics.SNIPPET_VERSION=\"4.15.3\";"
            "analytics.load(\"%s\");analytics.page()}}();</script>" % ((base36(rng.getrandbits(120)),) * 2),
            "<script>(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};"
            "h._hjSettings={hjid:%d,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');"
            "r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})"
            "(window,document,'https://static.hotjar.example/c/hotjar-','.js?sv=');</script>" % rng.randint(10 ** 6, 10 ** 7),
            "<script>var OneTrustConfig={domainId:\"%08x-%04x-%04x-%04x-%012x\",language:\"%s\","
            "categories:{C0001:\"Strictly necessary\",C0002:\"Performance\",C0003:\"Functional\","
            "C0004:\"Targeting\"},banner:{position:\"bottom\",theme:\"%s\",showRejectAll:!0},"
            "geolocation:{enabled:!0,rules:[\"EU\",\"UK\",\"CH\",\"BR\"]}};function OptanonWrapper(){"
            "window.dataLayer&&window.dataLayer.push({event:\"OneTrustGroupsUpdated\"})}</script>"
            % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16), rng.getrandbits(16),
               rng.getrandbits(48), self.pick(("en", "de", "fr", "nl")), self.pick(("light", "dark"))),
        ]
        return rng.sample(snippets, rng.randint(1, 1 + int(2 * self.rich + 0.5))), gtm

    def jsonld(self):
        rng = self.rng
        r = rng.random()
        desc = self.description.replace(self.nl, "")
        if r < 0.15 + 0.35 * (1 - self.rich):  # a teaser: the page body is the posting
            text = re.sub(r"<[^>]+>", " ", desc)
            desc = html.unescape(" ".join(text.split()[:22])) + "\u2026"
        elif r < 0.35:  # escaped twice
            desc = html.escape(desc, quote=True).replace("&#x27;", "&#39;")
        posting = {
            "@context": "https://schema.org/", "@type": "JobPosting", "title": self.title,
            "description": desc,
            "identifier": {"@type": "PropertyValue", "name": self.company, "value": "JOB-%d" % self.index},
            "datePosted": self.date, "validThrough": self.date[:4] + "-12-31T23:59:59Z",
            "employmentType": self.pick(("FULL_TIME", "FULL_TIME", "CONTRACTOR", "PART_TIME")),
            "hiringOrganization": {"@type": "Organization", "name": self.company,
                                   "sameAs": "https://" + self.domain,
                                   "logo": "https://%s/static/logo.png" % self.domain},
            "jobLocation": {"@type": "Place", "address": {
                "@type": "PostalAddress", "addressLocality": self.city[0], "addressRegion": self.city[1],
                "addressCountry": self.city[2]}},
            "baseSalary": {"@type": "MonetaryAmount", "currency": self.salary[0], "value": {
                "@type": "QuantitativeValue", "minValue": self.salary[1], "maxValue": self.salary[2],
                "unitText": "YEAR"}},
        }
        if "Remote" in self.mode or "remote" in self.mode:
            posting["jobLocationType"] = "TELECOMMUTE"
        if rng.random() < 0.4:
            posting["skills"] = ", ".join(t.name for t in self.terms[:rng.randint(2, 5)])
        kind = rng.random()
        if kind < 0.45:
            s = json.dumps(posting, ensure_ascii=False, indent=2).replace("/", "\\/")
        elif kind < 0.75:
            s = (json.dumps(posting, ensure_ascii=True, separators=(",", ":"))
                 .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
        else:
            s = json.dumps(posting, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        return '<script type="application/ld+json">%s</script>' % s

    # -- visible chrome
    def nav(self):
        rng = self.rng
        st = self.style
        items = rng.sample(["Find jobs", "Companies", "Salaries", "Career advice", "Remote jobs",
                            "Post a job", "For employers", "Events", "Blog", "Talent network",
                            "Life at %s" % html.escape(self.site_name, quote=False), "Teams", "Locations", "Students &amp; graduates"],
                           rng.randint(3, 4 + int(3 * self.rich)))
        links = []
        for it in items:
            icon = self.svg_icon(slugify(it)) if rng.random() < self.icon_p else ""
            links.append('<li class="%s"><a href="https://%s/%s" class="%s">%s<span>%s</span></a></li>'
                         % (classes(st, rng, "nav", "item"), self.board_domain, slugify(it),
                            classes(st, rng, "nav", "link"), icon, it))
        return ('<nav class="%s" aria-label="Main">%s<ul class="%s">%s%s%s</ul>%s'
                '<a class="%s" href="https://%s/login">Sign in</a></nav>'
                % (classes(st, rng, "nav"), self.nl, classes(st, rng, "nav", "list"), self.nl,
                   self.nl.join(links), self.nl, self.nl, classes(st, rng, "nav", "signin"), self.board_domain))

    def header(self):
        rng = self.rng
        st = self.style
        crumbs = " &rsaquo; ".join('<a href="https://%s/%s">%s</a>' % (self.board_domain, slugify(c), c)
                                   for c in ("Jobs", self.pick(("Engineering", "Technology", "IT &amp; Software",
                                                                "Data")), html.escape(self.city[0])))
        search = ('<form class="%s" action="https://%s/search" role="search"><label for="q" class="sr-only">'
                  'Search jobs</label><input id="q" name="q" type="search" placeholder="Job title, skill or company">'
                  '<button type="submit" aria-label="Search">%s</button></form>'
                  % (classes(st, rng, "search"), self.board_domain, self.svg_icon("search")))
        return ('<header class="%s">%s<a href="https://%s/" class="%s" aria-label="%s home">%s</a>%s%s%s'
                '<div class="%s">%s</div></header>'
                % (classes(st, rng, "header"), self.nl, self.board_domain, classes(st, rng, "logo"),
                   html.escape(self.site_name), self.svg_logo(self.site_name), self.nl, search, self.nl,
                   classes(st, rng, "breadcrumbs"), crumbs))

    def article(self):
        rng = self.rng
        st = self.style
        sep = self.pick((" \u00b7 ", " &middot; ", " &mdash; ", " | ", " \u2013 ", "&nbsp;&bull;&nbsp;"))
        loc = html.escape(self.city[0] + (", " + self.city[3] if rng.random() < 0.6 else ""), quote=False)
        meta = ('<div class="%s"><span class="%s">%s</span>%s<span class="%s">%s%s</span>%s<span>%s</span></div>'
                % (classes(st, rng, "job", "meta"), classes(st, rng, "company"),
                   html.escape(self.company, quote=False), sep, classes(st, rng, "location"),
                   self.svg_icon("map-pin", 16) if rng.random() < 0.7 else "", loc, sep,
                   html.escape(self.mode, quote=False)))
        apply = ('<a class="%s" href="https://%s/jobs/%d/apply">%sApply for this job</a>'
                 % (classes(st, rng, "btn", "apply"), self.board_domain, self.index,
                    self.svg_icon("send") if rng.random() < 0.5 else ""))
        posted = '<p class="%s">Posted %s &nbsp;&middot;&nbsp; %d applicants</p>' % (
            classes(st, rng, "job", "posted"), self.date, rng.randint(3, 400))
        return ('<main id="main" class="%s">%s<article class="%s">%s<h1 class="%s">%s</h1>%s%s%s%s%s'
                '<div class="%s">%s%s%s</div>%s%s%s</article>'
                % (classes(st, rng, "main"), self.nl, classes(st, rng, "job"), self.nl,
                   classes(st, rng, "job", "title"), html.escape(self.title, quote=False), self.nl,
                   meta, self.nl, posted, self.nl, classes(st, rng, "job", "description"), self.nl,
                   self.description, self.nl, self.nl, apply, self.nl))

    def footer_column(self):
        rng = self.rng
        kind = rng.random()
        if kind < 0.3:
            head, links = "Jobs by city", ["Jobs in %s" % html.escape(c[0]) for c in rng.sample(CITIES, rng.randint(6, 14))]
        elif kind < 0.55:
            head = "Popular searches"
            ts = [self.pick(self.d.popular) if rng.random() < 0.7 else self.pick(self.d.terms)
                  for _ in range(rng.randint(6, 12))]
            links = ["%s %s jobs" % (html.escape(t.name), self.pick(("developer", "engineer", "remote", "senior")))
                     for t in ts]
        elif kind < 0.75:
            head = "Companies"
            links = [html.escape(self.company_name()) for _ in range(rng.randint(6, 12))]
        else:
            head = self.pick(("Resources", "About", "Legal", "For employers", "Community"))
            links = rng.sample(["About us", "Press", "Careers", "Contact", "Help center", "Privacy policy",
                                "Terms of service", "Cookie settings", "Imprint", "Accessibility",
                                "Pricing", "Post a job", "API", "Status", "Sitemap", "Salary guide",
                                "Blog", "Newsletter", "Partners", "Security"], rng.randint(5, 10))
        st = self.style
        lis = self.nl.join('<li><a href="https://%s/%s" class="%s">%s</a></li>' %
                           (self.board_domain, slugify(x), classes(st, rng, "footer", "link"), x) for x in links)
        return '<div class="%s"><h4>%s</h4><ul>%s%s%s</ul></div>' % (
            classes(st, rng, "footer", "col"), head, self.nl, lis, self.nl)

    def similar(self):
        rng = self.rng
        cards = []
        for _ in range(rng.randint(2, 5)):
            cards.append('<li><a href="https://%s/jobs/%d">%s%s</a><span>%s</span></li>' % (
                self.board_domain, rng.randint(10 ** 5, 10 ** 6), self.pick(SENIORITY),
                self.pick(self.pick(self.d.roles)[1]), html.escape(self.company_name(), quote=False)))
        return '<aside class="%s"><h3>Similar jobs</h3><ul>%s</ul></aside>' % (
            classes(self.style, rng, "similar"), self.nl.join(cards))

    # -- the page
    def build(self):
        rng = self.rng
        self.nl = "\n" if rng.random() < 0.85 else ("\r\n" if rng.random() < 0.4 else "")
        nl = self.nl
        board = self.pick(BOARDS)
        # the size aimed at, and how much there is on the page
        self.T0 = int(rng.triangular(MIN_SIZE + 300, MAX_SIZE - 400, 25000))
        self.rich = max(0.0, min(1.0, (self.T0 - MIN_SIZE) / 10000.0))
        self.posting()
        if board[0] is None:  # the company's own careers site
            self.site_name = self.company + " Careers"
            self.board_domain = "careers." + self.domain
            self.style = self.pick(("bem", "emotion", "tailwind", "bootstrap"))
        else:
            self.site_name, self.board_domain, self.style = board
        self.icon_p = rng.uniform(0.2, 0.4 + 0.6 * self.rich)
        self.date = "20%02d-%02d-%02d" % (rng.randint(23, 25), rng.randint(1, 12), rng.randint(1, 28))
        url = "https://%s/jobs/%d-%s" % (self.board_domain, 100000 + self.index, slugify(self.title))

        # visible parts
        esc_title = html.escape(self.title, quote=False)
        page_title = self.pick(("%s - %s" % (esc_title, html.escape(self.company)),
                                "%s | %s" % (esc_title, html.escape(self.site_name)),
                                "Job Application for %s at %s" % (esc_title, html.escape(self.company))))
        desc_meta = html.escape(re.sub(r"<[^>]+>|&[a-z#0-9]+;", " ", self.description)[:180].strip(), quote=True)
        head_meta = nl.join([
            '<meta charset="utf-8">', '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            "<title>%s</title>" % page_title,
            '<meta name="description" content="%s">' % desc_meta,
            '<meta name="robots" content="index, follow">',
            '<meta property="og:type" content="website">',
            '<meta property="og:title" content="%s">' % html.escape(self.title),
            '<meta property="og:url" content="%s">' % url,
            '<meta property="og:image" content="https://%s/og/%08x.png">' % (self.board_domain, rng.getrandbits(32)),
            '<meta property="og:site_name" content="%s">' % html.escape(self.site_name),
            '<meta name="twitter:card" content="summary_large_image">',
            '<meta name="theme-color" content="#%06x">' % rng.getrandbits(24)])
        links = [
            '<link rel="canonical" href="%s">' % url,
            '<link rel="preconnect" href="https://cdn.%s" crossorigin>' % self.board_domain,
            '<link rel="stylesheet" href="https://cdn.%s/static/css/main.%08x.css">' % (self.board_domain, rng.getrandbits(32)),
            '<link rel="icon" href="/favicon.ico" sizes="any">',
            '<link rel="alternate" hreflang="de" href="%s?lang=de">' % url,
            '<link rel="manifest" href="/site.webmanifest">',
            '<link rel="preload" as="font" type="font/woff2" href="https://cdn.%s/fonts/inter-var.woff2" crossorigin>' % self.board_domain,
        ]
        links = links[:3] + rng.sample(links[3:], rng.randint(0, 4))
        nav = self.nav()
        header = self.header()
        article = self.article()
        aside = self.similar() if rng.random() < 0.5 * self.rich else ""
        footer_cols = [self.footer_column() for _ in range(rng.randint(1, 2))]
        socials = "".join('<a href="https://%s.example/%s" aria-label="%s">%s</a>' % (
            s, slugify(self.company), s, self.svg_icon(s, 20)) for s in rng.sample(
            ["linkedin", "github", "twitter", "instagram", "youtube", "mastodon", "xing"], rng.randint(2, 3 + int(3 * self.rich))))
        copyright_ = '<p>&copy; %s %s. All rights reserved. Made with \u2665 in %s.</p>' % (
            self.date[:4], html.escape(self.site_name), html.escape(self.city[0]))
        jsonld = self.jsonld()
        snippets, gtm = self.analytics()
        noscript = ('<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=%s" height="0" width="0" '
                    'style="display:none;visibility:hidden"></iframe></noscript>' % gtm)
        ext_scripts = ['<script src="https://cdn.%s/static/js/%s.%08x.js" %s></script>' % (
            self.board_domain, n, rng.getrandbits(32), self.pick(("defer", "async", 'defer crossorigin="anonymous"')))
            for n in rng.sample(["main", "framework", "runtime", "vendors", "polyfills", "app"], rng.randint(1, 4))]

        def u8(s):
            return len(s.encode("utf-8"))

        # sizes: visible V, fixed heavy F (JSON-LD, analytics, header/nav/article/footer svgs)
        def heavy_in(s):
            return measure(s.encode("utf-8"))[1]

        chrome = nav + header + article + aside + "".join(footer_cols) + socials
        V = u8(head_meta) + sum(u8(x) for x in links) + u8(chrome) + u8(copyright_) + u8(noscript) \
            + sum(len(x) for x in ext_scripts) + 600
        svg_in_chrome = heavy_in(chrome)
        ext_heavy = sum(len(x) for x in ext_scripts)
        V -= svg_in_chrome + ext_heavy
        F = u8(jsonld) + sum(len(x) for x in snippets) + svg_in_chrome + ext_heavy
        n_css = rng.randint(2, 5)
        # 3-8 inline scripts besides JSON-LD: the analytics snippets, the config blob, bundles
        n_bundles = max(1, rng.randint(3, 8) - len(snippets) - 1)
        min_flex = n_css * 250 + n_bundles * 300 + 800
        share = rng.uniform(SHARE_LO, SHARE_HI)
        T = self.T0
        T = max(T, int(V / (1 - share)) + 1, int((F + min_flex) / share) + 1)
        T = min(T, MAX_SIZE - 300)
        # pad the visible part: more footer columns, a cookie banner
        extra = []
        target_v = T * (1 - share)
        tries = 0
        while V < target_v - 150 and tries < 12:
            tries += 1
            col = self.footer_column()
            if V + u8(col) > target_v + 300:
                continue  # too long: another kind of column may fit
            extra.append(col)
            V += u8(col)
        flex = T - V - F
        sprite = ""
        if rng.random() < 0.35 and flex > min_flex + 3000:
            syms = "".join('<symbol id="i-%s" viewBox="0 0 24 24"><path d="%s"/></symbol>' % (
                self.pick(JS_WORDS), self.pick(self.pools.icons)) for _ in range(rng.randint(3, 8)))
            sprite = '<svg xmlns="http://www.w3.org/2000/svg" style="display:none">%s</svg>' % syms
            flex -= len(sprite)
        flex = max(flex, min_flex)
        # split the flexible heavy bytes: styles, the config blob, bundles
        w_css = [rng.uniform(0.5, 1.5) for _ in range(n_css)]
        w_css[0] *= 3  # the critical CSS
        w_js = [rng.uniform(0.5, 1.5) for _ in range(n_bundles)]
        css_share = rng.uniform(0.28, 0.42)
        cfg_share = rng.uniform(0.1, 0.25)
        config = self.config_block(int(flex * cfg_share))
        flex = max(flex - u8(config), n_css * 250 + n_bundles * 300)
        css_total = flex * css_share
        js_total = flex - css_total
        styles = [self.style_block(max(250, int(css_total * w / sum(w_css)))) for w in w_css]
        bundles = [self.bundle_block(max(300, int(js_total * w / sum(w_js)))) for w in w_js]
        n_head_css = rng.randint(1, n_css)
        footer = '<footer class="%s">%s%s%s<div class="%s">%s</div>%s%s</footer>' % (
            classes(self.style, rng, "footer"), nl, nl.join(footer_cols + extra), nl,
            classes(self.style, rng, "social"), socials, nl, copyright_)
        cookie = ""
        if rng.random() < 0.4:
            cookie = ('<div id="cookie-banner" class="%s" role="dialog" aria-live="polite"><p>We use cookies '
                      '&amp; similar technologies to improve your experience. See our <a href="/privacy">'
                      'privacy policy</a>.</p><button type="button">Accept all</button>'
                      '<button type="button">Reject</button></div>' % classes(self.style, rng, "cookie"))
        saved = ""
        if rng.random() < 0.3:
            saved = "<!-- saved from url=(%04d)%s -->%s" % (len(url), url, nl)
        head = [head_meta] + links + styles[:n_head_css] + snippets[:1] + (
            [jsonld] if rng.random() < 0.7 else []) + ext_scripts[:1]
        tail = ext_scripts[1:] + styles[n_head_css:] + snippets[1:] + [config] + bundles
        if jsonld not in head:
            tail.insert(int(rng.random() * (len(tail) + 1)), jsonld)
        body = [noscript, sprite,
                '<div id="%s">' % self.pick(("__next", "app", "root", "page")),
                nav, header, article, aside, footer, "</div>", cookie] + tail
        page = ("<!DOCTYPE html>%s%s<html lang=\"%s\">%s<head>%s%s%s</head>%s<body class=\"%s\">%s%s%s</body>%s</html>%s"
                % (nl, saved, self.pick(("en", "en", "en-US", "en-GB")), nl, nl, nl.join(head), nl, nl,
                   classes(self.style, rng, "page", "job"), nl, nl.join(x for x in body if x), nl, nl, nl))
        return page.encode("utf-8")


HEAVY_OPEN = re.compile(rb"<(script|style|svg)\b", re.I)


def measure(data):
    """(total bytes, bytes inside script/style/svg elements, tags included)."""
    heavy = 0
    pos = 0
    while True:
        m = HEAVY_OPEN.search(data, pos)
        if m is None:
            break
        close = b"</" + m.group(1).lower() + b">"
        end = data.find(close, m.end())
        end = len(data) if end < 0 else end + len(close)
        heavy += end - m.start()
        pos = end
    return len(data), heavy


def generate(out_dir, count, seed, jobmatch):
    d = Dictionary(load_terms(jobmatch))
    pools = Pools(seed)
    os.makedirs(out_dir, exist_ok=True)
    width = max(5, len(str(count)))
    total = heavy = 0
    smallest, largest = None, 0
    for i in range(1, count + 1):
        for attempt in range(10):
            rng = random.Random("jobmatch-corpus:%d:%d:%d" % (seed, i, attempt))
            data = Page(rng, d, pools, i).build()
            if MIN_SIZE - 400 <= len(data) <= MAX_SIZE + 400:
                break
        n, h = measure(data)
        total += n
        heavy += h
        smallest = n if smallest is None else min(smallest, n)
        largest = max(largest, n)
        with open(os.path.join(out_dir, "posting-%0*d.html" % (width, i)), "wb") as f:
            f.write(data)
    return total, heavy, smallest, largest


def main():
    ap = argparse.ArgumentParser(description="Writes COUNT saved job-posting pages into OUT_DIR.")
    ap.add_argument("out_dir", metavar="OUT_DIR")
    ap.add_argument("count", metavar="COUNT", type=int)
    ap.add_argument("--seed", type=int, default=1, help="the corpus for this seed (default 1)")
    ap.add_argument("--jobmatch", default=os.environ.get("JOBMATCH", "./jobmatch"),
                    help="the binary whose dictionaries the terms come from (default ./jobmatch)")
    args = ap.parse_args()
    if args.count < 0:
        ap.error("COUNT must be 0 or more")
    t0 = time.perf_counter()
    total, heavy, smallest, largest = generate(args.out_dir, args.count, args.seed, args.jobmatch)
    secs = time.perf_counter() - t0
    n = args.count
    print("files written:            %d (%s/posting-%s.html)" % (n, args.out_dir, "N" * max(5, len(str(n)))))
    print("total bytes:              %d" % total)
    print("mean size:                %.0f bytes (min %s, max %s)" % (total / n if n else 0, smallest or 0, largest))
    print("in script/style/svg:      %.1f%% of the bytes" % (100.0 * heavy / total if total else 0))
    print("seed %d, %.1f s" % (args.seed, secs))


if __name__ == "__main__":
    main()
