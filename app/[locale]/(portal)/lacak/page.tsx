import { ComingSoon } from "@/components/portal/coming-soon.tsx";

export default ComingSoon;
