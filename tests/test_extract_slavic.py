"""Extraction in Ukrainian and Russian (uk, ru): their lexicons and the hooks they use.

Every sentence here was written for these tests; each test pins one rule or one group of
lexicon rows with sentences shaped like the news of that language.
"""

from __future__ import annotations

import datetime as dt

from extract_fields import found

from attrition.extract.dates import find_dates
from attrition.extract.rules import load_lexicon
from attrition.extract.tokens import tokenize

# -- numbers and dates -----------------------------------------------------------------------


def test_ukrainian_thousands_read_with_a_narrow_no_break_space_and_a_scaled_decimal() -> None:
    text = "За даними Генштабу ЗСУ, Росія втратила 12\u202f300 танків і 1,2 тис. гелікоптерів."
    assert [v for (v,) in found(text, "uk", "value")] == [12300, 1200]


def test_russian_millions_with_a_decimal_comma_are_one_figure() -> None:
    text = "По данным Минобороны России, ВСУ потеряли с начала СВО около 1,5 млн военнослужащих."
    assert found(text, "ru", "value", "qualifier", "basis") == [(1500000, "about", "cumulative")]


def test_money_in_hryvnias_and_rubles_is_never_a_figure() -> None:
    assert found("Уряд виділив на відбудову 2,5 млрд грн і 300 тисяч гривень.", "uk") == []
    assert found("Правительство выделило 5 млрд рублей, а курс превысил 90 ₽.", "ru") == []


def test_a_two_digit_year_after_day_and_month_is_a_date() -> None:
    lex = load_lexicon("uk")
    tokens = tokenize("з 24.02.22 по 20.02.24", 0, None, lex.flags)
    dates = find_dates(tokens, lex.date_words)
    assert [d.resolve(None) for d in dates] == [dt.date(2022, 2, 24), dt.date(2024, 2, 20)]


def test_months_in_the_genitive_date_a_statement() -> None:
    text = "Президент Зеленський 12 березня заявив, що Росія втратила 400 000 військових."
    assert found(text, "uk", "as_of", published="2024-03-14") == [("2024-03-12",)]


# -- the General Staff's list -----------------------------------------------------------------


GS_POST = (
    "Загальні бойові втрати противника з 24.02.22 по 12.03.24 орієнтовно склали:\n"
    "особового складу ‒ близько 423 910 (+1 050) осіб ліквідовано\n"
    "танків ‒ 6 700 (+12) од.\n"
    "бойових броньованих машин ‒ 12 800 (+20) од.\n"
    "Дані уточнюються.\n"
    "Про це повідомляє Генеральний штаб ЗСУ.\n"
)


def test_the_general_staff_post_reads_every_item_with_its_increment() -> None:
    got = found(GS_POST, "uk", "category", "value", "qualifier", "basis", published="2024-03-12")
    assert got == [
        ("personnel", 423910, "about", "cumulative"),
        ("personnel", 1050, "exact", "daily"),
        ("tanks", 6700, "about", "cumulative"),
        ("tanks", 12, "exact", "daily"),
        ("afv", 12800, "about", "cumulative"),
        ("afv", 20, "exact", "daily"),
    ]


def test_a_line_pointing_back_credits_the_list_a_figure_less_line_closed() -> None:
    got = found(GS_POST, "uk", "claimant", "as_of", published="2024-03-14")
    assert set(got) == {("UA_GENERAL_STAFF", "2024-03-12")}


def test_without_a_line_pointing_back_the_list_keeps_no_claimant() -> None:
    text = GS_POST.replace("Про це повідомляє", "Тим часом виступив")
    assert {c for (c,) in found(text, "uk", "claimant")} == {None}


# -- speakers ---------------------------------------------------------------------------------


def test_a_subject_after_its_report_verb_and_a_day_is_the_speaker() -> None:
    text = (
        "ВСУ за неделю потеряли более 2 100 военнослужащих, сообщили в субботу в "
        "Министерстве обороны России."
    )
    assert found(text, "ru") == [("UA", "personnel", 2100, "over", "period", "RU_MOD")]


def test_a_sentence_opening_with_about_this_names_the_speaker_of_the_figures_before() -> None:
    text = (
        "За добу окупанти втратили 870 військових. "
        "Про це у вівторок повідомив Генштаб ЗСУ в телеграмі."
    )
    assert found(text, "uk", "claimant", "basis") == [("UA_GENERAL_STAFF", "daily")]


def test_the_general_staff_is_named_in_every_case() -> None:
    for name in ("Генштабу ЗСУ", "Генерального штабу", "Генштабі"):
        text = f"За даними {name}, Росія втратила 320 літаків."
        assert found(text, "uk", "claimant") == [("UA_GENERAL_STAFF",)], name


# -- sides, categories, bases -----------------------------------------------------------------


def test_the_armed_forces_of_ukraine_named_by_initials_are_the_losing_side() -> None:
    assert found("ВСУ потеряли 400 военнослужащих.", "ru", "subject") == [("UA",)]
    assert found("ЗСУ втратили 40 танків.", "uk", "subject") == [("UA",)]


def test_russian_ministry_daily_and_cumulative_figures_take_their_spans() -> None:
    text = (
        "За сутки сбиты 25 украинских беспилотников. С начала специальной военной "
        "операции уничтожены 640 самолетов, сообщил Конашенков."
    )
    assert found(text, "ru") == [
        ("UA", "uav", 25, "exact", "daily", "RU_MOD"),
        ("UA", "aircraft", 640, "exact", "cumulative", "RU_MOD"),
    ]


def test_a_range_with_a_scale_word_after_it_reads_both_bounds() -> None:
    text = (
        "Британская разведка сообщила, что Россия могла потерять от 40 до 60 тысяч военных убитыми."
    )
    got = found(text, "ru", "subject", "category", "low", "high", "claimant")
    assert got == [("RU", "killed", 40000, 60000, "UK_MOD")]


def test_mediazona_counts_named_dead() -> None:
    text = "«Медиазона» установила имена 61 000 погибших российских военных."
    assert found(text, "ru", "subject", "category", "value", "claimant") == [
        ("RU", "killed", 61000, "MEDIAZONA")
    ]


def test_a_daily_average_in_ukrainian_is_a_rate() -> None:
    text = "Зеленський сказав, що у березні окупанти щодня втрачали в середньому 1 000 військових."
    assert found(text, "uk", "value", "basis") == [(1000, "rate")]


def test_a_prisoner_exchange_refugees_and_days_of_war_are_not_losses() -> None:
    text = (
        "У суботу відбувся обмін полоненими: додому повернулися 207 українських захисників. "
        "Близько 6,5 млн українців стали біженцями. Триває 1000-й день війни."
    )
    assert found(text, "uk") == []


def test_russian_reservists_called_up_are_not_losses() -> None:
    assert found("Мобилизации подлежат 300 тысяч резервистов.", "ru") == []


def test_a_side_in_the_genitive_after_the_loss_noun_owns_the_losses() -> None:
    text = "Шойгу заявил, что потери Вооруженных сил Украины составили 9 000 убитыми."
    assert found(text, "ru", "subject", "category", "claimant") == [("UA", "killed", "RU_MOD")]
    text = "За добу втрати противника становлять 1 100 осіб, повідомив Генштаб ЗСУ."
    assert found(text, "uk", "subject", "claimant") == [("RU", "UA_GENERAL_STAFF")]


def test_a_place_after_an_opening_preposition_is_no_speaker() -> None:
    text = (
        "На Лиманском направлении за сутки уничтожены до 60 украинских военнослужащих, "
        "сообщил официальный представитель Минобороны России Игорь Конашенков. "
        "На Херсонском направлении потери противника составили более 40 военнослужащих."
    )
    assert found(text, "ru", "subject", "value", "claimant") == [
        ("UA", 60, "RU_MOD"),
        ("UA", 40, "RU_MOD"),
    ]


# -- rules from the second blind round (own-uk-2, own-ru-2) ------------------------------------


def test_a_part_with_its_span_after_a_dash_takes_the_span_from_the_total() -> None:
    text = (
        "За даними Генштабу ЗСУ, втрати окупантів становлять близько 640 100 осіб, "
        "з них 1 210 – за минулу добу."
    )
    assert found(text, "uk", "value", "qualifier", "basis") == [
        (640100, "about", "cumulative"),
        (1210, "exact", "daily"),
    ]


def test_a_casualty_verb_before_a_range_or_a_bound_sets_the_category() -> None:
    text = "Зеленський заявив, що загинули від 1 300 до 1 500 українських військових."
    assert found(text, "uk", "category", "low", "high") == [("killed", 1300, 1500)]
    text = "По данным «Медиазоны», погибли не менее 45 тысяч российских военных."
    assert found(text, "ru", "category", "value", "qualifier") == [("killed", 45000, "over")]


def test_those_who_received_wounds_are_wounded_not_a_delivery() -> None:
    text = "Зеленський сказав, що загинули 900 військових, а ще 2 000 отримали поранення."
    assert found(text, "uk", "category", "value") == [("killed", 900), ("wounded", 2000)]
    text = "Минулого тижня Україна отримала від партнерів 40 бронемашин."
    assert found(text, "uk") == []


def test_a_monthly_figure_is_a_rate() -> None:
    text = "Буданов заявив, що щомісяця російська армія втрачає до 20 тисяч військових."
    assert found(text, "uk", "value", "qualifier", "basis") == [(20000, "under", "rate")]


def test_a_month_after_za_is_a_window_and_approximately_in_qualifies() -> None:
    text = "За март потери ВСУ превысили 9 000 человек, заявил Шойгу."
    assert found(text, "ru", "value", "basis", "claimant") == [(9000, "period", "RU_MOD")]
    text = "В Пентагоне оценили потери России примерно в 100 тысяч убитыми и ранеными."
    assert found(text, "ru", "category", "qualifier", "claimant") == [
        ("personnel", "about", "US_GOV")
    ]


def test_together_with_the_wounded_is_one_count_of_personnel() -> None:
    text = (
        "За словами президента, Росія втратила 90 тисяч убитими, а разом з пораненими – 250 тисяч."
    )
    assert found(text, "uk", "category", "value") == [("killed", 90000), ("personnel", 250000)]


# -- blind round own-uk-5 / own-ru-5 ---------------------------------------------------------


def test_a_side_after_a_loss_noun_in_a_source_phrase_is_the_loser_not_the_source() -> None:
    text = (
        "Генштаб ЗСУ оприлюднив нові дані про втрати Росії у війні. "
        "Загалом ворог втратив близько 702 300 осіб."
    )
    assert found(text, "uk", "subject", "value", "claimant") == [("RU", 702300, "UA_GENERAL_STAFF")]


def test_an_imperfective_past_report_verb_names_its_speaker() -> None:
    text = "Раніше Сирський заявляв, що у березні ворог втратив понад 40 тисяч військових."
    assert found(text, "uk", "value", "claimant") == [(40000, "UA_GOV")]
    text = "Ранее Шойгу заявлял, что ВСУ потеряли за месяц более 15 тысяч человек."
    assert found(text, "ru", "value", "claimant") == [(15000, "RU_MOD")]


def test_we_in_an_outlets_own_summary_is_the_outlet_and_counts_the_dead() -> None:
    text = (
        "Сводка «Медиазоны» за апрель\n"
        "Мы установили имена 97 310 российских военных, погибших на войне. "
        "За месяц в список добавлено 4 105 человек."
    )
    assert found(text, "ru", "category", "value", "basis", "claimant") == [
        ("killed", 97310, "cumulative", "MEDIAZONA"),
        ("killed", 4105, "period", "MEDIAZONA"),
    ]


def test_a_headline_count_of_names_credited_by_the_body_to_mediazona_is_of_the_dead() -> None:
    text = (
        "Потери российской армии: 97 тысяч имен\n"
        "«Медиазона» установила имена 97 310 российских военных, погибших на войне."
    )
    assert found(text, "ru", "category", "value", "claimant") == [
        ("killed", 97000, "MEDIAZONA"),
        ("killed", 97310, "MEDIAZONA"),
    ]


def test_such_and_in_our_list_before_a_bare_number_take_the_noun_said_before() -> None:
    text = (
        "«Медиазона» установила имена 97 310 погибших российских военных. "
        "Больше всего среди погибших мобилизованных: таких 14 020. "
        "Офицеров в нашем списке 5 117."
    )
    assert found(text, "ru", "category", "value") == [
        ("killed", 97310),
        ("killed", 14020),
        ("killed", 5117),
    ]
    text = (
        "«Медіазона» встановила імена 97 310 російських військових, загиблих у війні. "
        "За тиждень до списку додали ще 2 600 прізвищ. Офіцерів у списку 5 117."
    )
    assert found(text, "uk", "category", "value", "basis") == [
        ("killed", 97310, "cumulative"),
        ("killed", 2600, "period"),
        ("killed", 5117, "cumulative"),
    ]


def test_a_part_after_v_tom_chisle_takes_the_span_after_its_dash() -> None:
    text = (
        "По версии Минобороны России, ВСУ потеряли в Курской области свыше 52 тысяч человек, "
        "в том числе 410 — за последние сутки."
    )
    assert found(text, "ru", "value", "qualifier", "basis") == [
        (52000, "over", "cumulative"),
        (410, "exact", "daily"),
    ]


def test_over_the_year_is_a_window_in_russian_and_ukrainian() -> None:
    text = "В Минобороны России заявили, что за год ВСУ потеряли более 500 тысяч военнослужащих."
    assert found(text, "ru", "value", "basis", "claimant") == [(500000, "period", "RU_MOD")]
    text = "Сирський заявив, що за рік ворог втратив понад 420 тисяч військових."
    assert found(text, "uk", "value", "basis", "claimant") == [(420000, "period", "UA_GOV")]
