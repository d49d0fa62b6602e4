/** Runs a save, returning the error text to show (null when it worked). */
export async function trySave(save: () => Promise<void>, failed: (reason: string) => string): Promise<string | null> {
  try {
    await save();
    return null;
  } catch (caught) {
    return failed(caught instanceof Error ? caught.message : String(caught));
  }
}
