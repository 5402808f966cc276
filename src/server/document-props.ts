/**
 * The document properties as one server call sees them: read with one getProperties() the first time they
 * are needed, written with setProperties(), and kept in step with what the call wrote. Each server call
 * makes its own (Apps Script starts every call afresh), so what it holds is never older than the call.
 */
export class DocumentProps {
  private readonly store = PropertiesService.getDocumentProperties();
  private values: Record<string, string> | null = null;

  all(): Readonly<Record<string, string>> {
    this.values ??= { ...this.store.getProperties() };
    return this.values;
  }

  get(key: string): string | null {
    return this.all()[key] ?? null;
  }

  /** Writes the entries now, in one call. */
  set(entries: Record<string, string>): void {
    if (Object.keys(entries).length === 0) return;
    this.store.setProperties(entries);
    if (this.values) Object.assign(this.values, entries);
  }
}
