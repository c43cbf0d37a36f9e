package registry

import "time"

// KazakhstanData returns the holidays and moved days of rest of Kazakhstan
// as known on 3 December 2026, with the source of each dated entry.
//
// The fixed holidays follow the Law "On holidays in the Republic of
// Kazakhstan" and article 84 of the Labour Code as they stand since 2024;
// earlier years are not described (their dates count as plain weekdays and
// weekends). The tests check 2024 and 2025 against the published totals
// and, for 2026, January's total and the days the Ministry's calendar moves.
//
// Not included, because no source could be found:
//   - the first day of Kurban Ait in 2027 and later: the Spiritual
//     Administration of Muslims of Kazakhstan publishes it in the autumn of
//     the year before; add it to Dated when it does;
//   - days of rest moved in 2027: no order had been published.
func KazakhstanData() CalendarData {
	return CalendarData{
		Holidays:  kazakhstanHolidays(),
		Dated:     kurbanAit(),
		Transfers: kazakhstanTransfers(),
	}
}

// firstYear is the first year the holiday data describes.
const firstYear = 2024

func kazakhstanHolidays() []Holiday {
	fixed := func(name string, m time.Month, d int) Holiday {
		return Holiday{Name: name, Month: m, Day: d, From: firstYear, Moves: true}
	}
	h := []Holiday{
		fixed("New Year", time.January, 1),
		fixed("New Year", time.January, 2),
		{Name: "Orthodox Christmas", Month: time.January, Day: 7, From: firstYear},
		fixed("International Women's Day", time.March, 8),
		fixed("Nauryz", time.March, 21),
		fixed("Nauryz", time.March, 22),
		fixed("Nauryz", time.March, 23),
		fixed("Unity Day of the People of Kazakhstan", time.May, 1),
		fixed("Defender of the Fatherland Day", time.May, 7),
		fixed("Victory Day", time.May, 9),
		fixed("Capital Day", time.July, 6),
		fixed("Republic Day", time.October, 25),
		fixed("Independence Day", time.December, 16),
	}

	// Constitution Day marked the 1995 Constitution on 30 August. The
	// Constitution adopted by the referendum of 15 March 2026 made its day
	// the holiday; the Ministry of Labour announced that 30 August is no
	// longer a holiday from 2026 and that 15 March is one from 2027
	// (taspanews.kz, 18 March 2026).
	old := fixed("Constitution Day", time.August, 30)
	old.Until = 2025
	adopted := fixed("Constitution Day", time.March, 15)
	adopted.From = 2027
	return append(h, old, adopted)
}

// kurbanAit lists the first day of Kurban Ait, a day off that never moves.
func kurbanAit() []DatedHoliday {
	const name = "Kurban Ait"
	return []DatedHoliday{
		// The 2024 production calendar assumed 17 June; on 7 June 2024 the
		// Spiritual Administration set 16 June, a Sunday, and the Ministry
		// of Labour confirmed that 17 June stayed a working day
		// (alau.kz, June 2024).
		{name, Date(2024, time.June, 16), "Spiritual Administration, 7 June 2024"},
		{name, Date(2025, time.June, 6), "mgorod.kz, 2025"},
		{name, Date(2026, time.May, 27),
			"Spiritual Administration calendar for 2026, 6 November 2025"},
	}
}

func kazakhstanTransfers() []Transfer {
	return []Transfer{
		{
			Working: Date(2024, time.May, 4), Off: Date(2024, time.May, 8),
			Source: "Order of the Minister of Labour of 17 April 2024",
		},
		{
			Working: Date(2025, time.January, 5), Off: Date(2025, time.January, 3),
			Source: "Order of the Minister of Labour, December 2024",
		},
		// 2026: no day was moved by order; the days off moved from weekend
		// holidays (9 March, 24 and 25 March, 11 May, 26 October) follow
		// from the Law, as the Ministry's production calendar for 2026
		// lists them (El.kz, December 2025).
	}
}
