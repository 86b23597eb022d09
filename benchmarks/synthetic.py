"""Synthetic FAQ entries for the scale runs: plausible Japanese questions and answers with
their English overlays, made from parallel phrase lists (each Japanese phrase beside its
English), so that both editions grow alike. Deterministic: entry n is always the same."""
from __future__ import annotations

import random
from pathlib import Path

SUBJECTS = [
    ("交流派遣職員", "an employee on exchange through dispatch"),
    ("交流採用職員", "an employee on exchange through employment"),
    ("派遣先企業", "the host company"),
    ("府省の人事担当者", "ministry HR staff"),
    ("民間企業の人事担当者", "company HR staff"),
]
TOPICS = [  # (Japanese, English, Japanese keywords, their English, one for one)
    ("健康診断", "health checks", "健診 検診", "check-up medical"),
    ("研修の受講", "taking training courses", "研修 講習", "training course"),
    ("住居手当", "the housing allowance", "家賃 住宅", "rent housing"),
    ("退職手当の算定", "the calculation of the retirement allowance", "退職金 退職", "severance retirement"),
    ("兼業の届出", "notifying outside work", "副業 兼職", "side-job outside-work"),
    ("在宅勤務", "working from home", "テレワーク リモート", "telework remote"),
    ("出張の旅費", "travel expenses for business trips", "出張費 交通費", "travel-costs fares"),
    ("育児休業", "childcare leave", "育休 子育て", "parental-leave childcare"),
    ("介護休暇", "care leave", "介護 看護", "family-care nursing"),
    ("人事評価", "performance evaluation", "評価 査定", "appraisal assessment"),
    ("社会保険の手続", "social insurance procedures", "健康保険 年金", "health-insurance pension"),
    ("守秘義務", "the duty of confidentiality", "秘密 情報管理", "secrecy information-handling"),
]
ANSWERS = [
    ("{topic}については、派遣先企業の就業規則等に則り取り扱われることとなります。",
     "{topic_en} follows the host company's rules of employment."),
    ("交流基準に反しない範囲で、府省と民間企業との間で取決めを行った上で対応することが可能です。",
     "It can be arranged, within the exchange standards, once the ministry and the company have agreed on it."),
    ("詳しくは、所属府省の人事担当者にお問い合わせください。",
     "For details, ask the HR staff of your ministry."),
    ("なお、交流期間中の取扱いについては、あらかじめ書面で確認しておくことが望ましいです。",
     "How it is handled during the exchange is best confirmed in writing beforehand."),
    ("国の職員としての身分は保有したまま、派遣先企業の業務に従事することとなります。",
     "The employee keeps their status as a national public employee while working for the host company."),
]
QUESTIONS = [
    ("{subject}の{topic}について教えてください。", "Please tell me about {topic_en} for {subject_en}."),
    ("{subject}は{topic}についてどのように対応すればよいですか。", "How should {subject_en} handle {topic_en}?"),
]
CATEGORIES = ["haken", "saiyou", "general"]
AUDIENCES = [["ministry-hr"], ["company"], ["staff"], ["ministry-hr", "staff"], ["ministry-hr", "company"]]


def entry(n: int) -> tuple[str, str]:
    """The Japanese file and its English overlay of synthetic entry n."""
    rng = random.Random(n)
    subject, subject_en = rng.choice(SUBJECTS)
    topic, topic_en, keywords, keywords_en = rng.choice(TOPICS)
    q, q_en = rng.choice(QUESTIONS)
    sentences = rng.sample(ANSWERS, rng.randint(2, 4))
    answer = "".join(s.format(topic=topic) for s, _ in sentences)
    answer_en = " ".join(e.format(topic_en=topic_en[0].upper() + topic_en[1:] if i == 0 else topic_en) for i, (_, e) in enumerate(sentences))
    ja = "\n".join([
        f"id: synthetic-{n:05d}",
        f"category: {CATEGORIES[n % 3]}",
        f"audience: [{', '.join(rng.choice(AUDIENCES))}]",
        f"question: 事例{n + 1}：{q.format(subject=subject, topic=topic)}",  # numbered: no two entries ask the same
        "answer: |",
        f"  {answer}",
        "sources:",
        f"  - {{publication: guidebook, number: Q{n}, page: {8 + n % 20}}}",
        f"keywords: [{', '.join(keywords.split())}]",
        "",
    ])
    en = "\n".join([
        f"question: 'Case {n + 1}: {q_en.format(subject_en=subject_en, topic_en=topic_en)}'",
        "answer: |",
        f"  {answer_en}",
        f"keywords: [{', '.join(keywords_en.split())}]",
        "",
    ])
    return ja, en


def add_entries(project: Path, total: int) -> int:
    """Add synthetic entries to the project's content/faq/ until it holds `total` per language."""
    folder = project / "content" / "faq"
    have = len([p for p in folder.glob("*.yml") if not p.name.endswith(".en.yml")])
    for n in range(max(0, total - have)):
        ja, en = entry(n)
        (folder / f"synthetic-{n:05d}.yml").write_text(ja, encoding="utf-8")
        (folder / f"synthetic-{n:05d}.en.yml").write_text(en, encoding="utf-8")
    return max(0, total - have)
