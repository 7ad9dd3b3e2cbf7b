// moment-business-time ships no types; it only extends moment's prototype (used by the calendar benchmark).
declare module 'moment-business-time';
