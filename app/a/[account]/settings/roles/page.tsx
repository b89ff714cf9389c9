import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/app/_components/ui/tabs";
import { authorize } from "@/lib/authz/authorize";
import type { Product } from "@/lib/authz/products";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/authz/roles";
import { RoleMatrix } from "./_components/role-matrix";

export const metadata: Metadata = { title: "Roles" };

const LICENSE_TABS: Array<{ value: string; label: string; licenses: Product[] }> = [
  { value: "both", label: "Marketing + Contact Center", licenses: ["marketing", "contact_center"] },
  { value: "marketing", label: "Marketing", licenses: ["marketing"] },
  { value: "contact-center", label: "Contact Center", licenses: ["contact_center"] },
];

// "Learn more about roles": readable by every member of the account.
export default async function RolesPage({ params }: { params: Promise<{ account: string }> }) {
  const { account } = await authorize((await params).account);
  return (
    <>
      <PageHeader
        title="Roles"
        description="What each role can do by default. Super Users can fine-tune any person's access with per-permission toggles."
      />
      <section aria-labelledby="roles-heading" className="mb-8">
        <h2 id="roles-heading" className="sr-only">
          Who each role is for
        </h2>
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {ROLES.map((role) => (
            <div key={role} className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
              <dt className="font-medium">{ROLE_LABELS[role]}</dt>
              <dd className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{ROLE_DESCRIPTIONS[role]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <Tabs defaultValue="both">
        <TabsList aria-label="Licenses">
          {LICENSE_TABS.map((tab) => (
            <TabsTrigger key={tab.value} value={tab.value}>
              {tab.label}
            </TabsTrigger>
          ))}
        </TabsList>
        {LICENSE_TABS.map((tab) => (
          <TabsContent key={tab.value} value={tab.value} className="pt-4">
            <RoleMatrix licenses={tab.licenses} accountType={account.type} />
          </TabsContent>
        ))}
      </Tabs>
    </>
  );
}
