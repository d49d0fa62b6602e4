-- Calendar feeds (issue 15): filled by the calendar-feeds work.
select 1;
