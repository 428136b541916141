import { Role } from "../generated/prisma/enums.ts";

export const ALL_ROLES = Object.values(Role);
