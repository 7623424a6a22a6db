import { Card } from "#app/components/ui/card.tsx";

export default function CalendarSettings() {
  return (
    <Card>
      <h2 className="text-2xl font-bold">Calendar</h2>
      <p className="mt-2">
        A private calendar feed of the Morning Coffees you register for, to subscribe to in Outlook, Google Calendar or Apple
        Calendar, is coming soon.
      </p>
    </Card>
  );
}
