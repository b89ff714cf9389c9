import { Check, Minus } from "lucide-react";
import type { AccountType } from "@/lib/account-types";
import { effectivePermissions } from "@/lib/authz/effective";
import { AREAS, PERMISSIONS, type Area } from "@/lib/authz/permissions";
import { PRODUCT_LABELS, type Product } from "@/lib/authz/products";
import { ROLE_LABELS, ROLES } from "@/lib/authz/roles";

const AREA_ORDER = Object.keys(AREAS) as Area[];

/** Every permission (rows, by area) × the six roles (columns), for one set of licenses. */
export function RoleMatrix({ licenses, accountType }: { licenses: Product[]; accountType: AccountType }) {
  const grantedByRole = new Map(
    ROLES.map((role) => [
      role,
      effectivePermissions({ role, licenses, overrides: {}, accountType, accountProducts: licenses, isHolder: false }),
    ]),
  );
  const licenseNames = licenses.map((license) => PRODUCT_LABELS[license]).join(" + ");

  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full min-w-[720px] text-sm">
        <caption className="sr-only">Default permissions of each role with {licenseNames} licenses</caption>
        <thead className="sticky top-0 bg-zinc-50 dark:bg-zinc-900">
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Permission
            </th>
            {ROLES.map((role) => (
              <th key={role} scope="col" className="w-24 px-2 py-2 text-center font-medium">
                {ROLE_LABELS[role]}
              </th>
            ))}
          </tr>
        </thead>
        {AREA_ORDER.map((area) => (
          <tbody key={area}>
            <tr>
              <th colSpan={ROLES.length + 1} scope="colgroup" className="bg-zinc-50 px-3 pt-3 pb-1 text-left text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:bg-zinc-950">
                {AREAS[area]}
              </th>
            </tr>
            {PERMISSIONS.filter((permission) => permission.area === area).map((permission) => (
              <tr key={permission.key} className="border-t border-zinc-100 dark:border-zinc-800">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <span className="block">{permission.label}</span>
                  <span className="block text-xs text-zinc-500">{permission.description}</span>
                </th>
                {permission.minimumRole === "holder" ? (
                  <td colSpan={ROLES.length} className="px-2 py-2 text-center text-xs text-zinc-500">
                    Account holder only, whatever their role
                  </td>
                ) : (
                  ROLES.map((role) =>
                    grantedByRole.get(role)!.has(permission.key) ? (
                      <td key={role} className="px-2 py-2 text-center">
                        <Check aria-label="Included" className="mx-auto size-4 text-green-700 dark:text-green-400" />
                      </td>
                    ) : (
                      <td key={role} className="px-2 py-2 text-center">
                        <Minus aria-label="Not included" className="mx-auto size-4 text-zinc-300 dark:text-zinc-600" />
                      </td>
                    ),
                  )
                )}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
