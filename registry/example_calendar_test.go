package registry_test

import (
	"fmt"
	"time"

	"github.com/kezek/kezek/registry"
)

func ExampleKazakhstanCalendar() {
	cal := registry.DefaultKazakhstanCalendar()

	// An offer made on Thursday 6 March 2025 must be answered within 3
	// working days. 8 March fell on a Saturday, so Monday 10 March is off.
	made := registry.Date(2025, 3, 6)
	last := cal.AddWorkingDays(made, 3)
	fmt.Println("answer by", last.Format("Monday 2 January 2006"))
	fmt.Println("10 March a working day:", cal.IsWorkingDay(registry.Date(2025, 3, 10)))

	// Working days in 2025, as the Ministry of Labour counts them.
	n := cal.WorkingDaysBetween(registry.Date(2024, 12, 31), registry.Date(2025, 12, 31))
	fmt.Println("working days in 2025:", n)
	// Output:
	// answer by Wednesday 12 March 2025
	// 10 March a working day: false
	// working days in 2025: 246
}

func ExampleDateOf() {
	// 19:30 UTC on 14 September 2025 is already the 15th in Kazakhstan.
	at := time.Date(2025, 9, 14, 19, 30, 0, 0, time.UTC)
	fmt.Println(registry.DateOf(at).Format(time.DateOnly))
	// Output: 2025-09-15
}
