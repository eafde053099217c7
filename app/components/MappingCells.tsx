import type { SelectHTMLAttributes } from "react";

/**
 * The first two cells of a row in a column-mapping table: the product's column (marked when required) and the
 * file header chosen for it, posted as `map.<column>`.
 */
export function MappingCells({
  column,
  headers,
  none,
  ...select
}: {
  column: { name: string; required?: boolean };
  headers: string[];
  /** the label of the empty choice */
  none: string;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <>
      <td>
        {column.name}
        {column.required ? " (required)" : ""}
      </td>
      <td>
        <select name={`map.${column.name}`} {...select}>
          <option value="">{none}</option>
          {headers.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </td>
    </>
  );
}
