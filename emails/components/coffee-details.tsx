import { Text } from "@react-email/components";

/** When and where, as every Morning Coffee email shows it. */
export function CoffeeDetails({ title, when, note }: { title: string; when: string; note?: string }) {
  return (
    <>
      <Text style={{ fontSize: 17, fontWeight: 700, margin: "16px 0 4px" }}>{title}</Text>
      <Text style={{ fontSize: 15, margin: "0 0 4px" }}>{when}</Text>
      {note ? <Text style={{ fontSize: 13, color: "#4a5568", margin: "0 0 12px" }}>{note}</Text> : null}
    </>
  );
}
