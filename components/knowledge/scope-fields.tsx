import { Input } from "@/components/ui/input";

/** The Domain and "Who can use it" fields every ingest form shares (form names `domain`, `visibility`). */
export function ScopeFields({ idPrefix, domainPlaceholder }: { idPrefix: string; domainPlaceholder: string }) {
  return (
    <>
      <div className="w-40">
        <Input label="Domain" id={`${idPrefix}-domain`} name="domain" placeholder={domainPlaceholder} maxLength={64} />
      </div>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Who can use it</span>
        <select name="visibility" defaultValue="shared" className="rounded-md bg-white py-2 pr-2 pl-3 text-sm ring-1 ring-slate-300">
          <option value="shared">everyone here</option>
          <option value="private">only me</option>
        </select>
      </label>
    </>
  );
}
