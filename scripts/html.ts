/** Text as it may stand in HTML the scripts write, as text content or as an attribute's quoted value. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!);
}
