/*
** test_dates.c - the dates the index files documents under (kh_date_parse),
** in the shapes feeds and page metadata write them.
*/
#include "index/index.h"
#include "kt_files.h"

static int32_t day_of(const char *s)
{
    return kh_date_parse(s, strlen(s));
}

TEST(dates_parse_in_iso_slashed_rfc822_and_arabic_month_forms)
{
    int32_t d = day_of("2020-10-07");
    CHECK(d != KH_DAY_NONE);
    CHECK_EQ_INT(day_of("2020-10-07T12:09:00+02:00"), d);
    CHECK_EQ_INT(day_of("07/10/2020"), d);
    CHECK_EQ_INT(day_of("Wed, 07 Oct 2020 10:09:00 GMT"), d);
    CHECK_EQ_INT(day_of("الأربعاء، 07 أكتوبر 2020 - 12:09 م"), d);
    CHECK_EQ_INT(day_of("7 تشرين الأول 2020"), KH_DAY_NONE); /* needs its ordinal: not read */
    CHECK_EQ_INT(day_of("7 أيار 2021"), day_of("2021-05-07"));
    CHECK_EQ_INT(day_of("1970-01-01"), 0);
}

TEST(dates_that_are_not_dates_give_none)
{
    static const char *const bad[] = {
        "",           "yesterday",   "2020-13-01",      "31/02/2020",
        "07 أكتوبر",  "أكتوبر 2020", "123 أكتوبر 2020", "07 أكتوبر 20201",
        "07 شيء 2020"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (day_of(bad[i]) != KH_DAY_NONE)
            FAIL("'%s' parsed as day %ld", bad[i], (long)day_of(bad[i]));
}
