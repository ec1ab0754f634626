-- CreateEnum
CREATE TYPE "CompetencyKind" AS ENUM ('GENERAL', 'TECHNICAL');

-- CreateEnum
CREATE TYPE "RatingSource" AS ENUM ('SELF', 'MANAGER', 'ASSESSMENT');

-- CreateTable
CREATE TABLE "Framework" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Framework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Competency" (
    "id" SERIAL NOT NULL,
    "frameworkId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CompetencyKind" NOT NULL,
    "category" TEXT NOT NULL DEFAULT '',
    "definition" TEXT NOT NULL DEFAULT '',
    "indicators" JSONB NOT NULL DEFAULT '{}',
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "externalId" TEXT,

    CONSTRAINT "Competency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobProfile" (
    "id" SERIAL NOT NULL,
    "frameworkId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "family" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "alternateTitles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "code" TEXT,
    "tasks" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "positions" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "JobProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProfileCompetency" (
    "profileId" INTEGER NOT NULL,
    "competencyId" INTEGER NOT NULL,
    "requiredLevel" INTEGER NOT NULL,
    "importance" INTEGER NOT NULL,
    "essential" BOOLEAN NOT NULL DEFAULT false,
    "examples" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "ProfileCompetency_pkey" PRIMARY KEY ("profileId","competencyId")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "slackUserId" TEXT,
    "currentProfileId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompetencyRating" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "competencyId" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "source" "RatingSource" NOT NULL,
    "ratedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CompetencyRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "profileId" INTEGER,
    "profileTitle" TEXT NOT NULL,
    "frameworkName" TEXT NOT NULL,
    "profileVersion" INTEGER NOT NULL,
    "engine" TEXT NOT NULL,
    "overall" INTEGER NOT NULL,
    "general" INTEGER,
    "technical" INTEGER,
    "band" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "summaryText" TEXT,
    "purgeAfter" TIMESTAMP(3),
    "requestKey" TEXT,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditRecord" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT NOT NULL,
    "engine" TEXT,
    "detail" JSONB,

    CONSTRAINT "AuditRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExtractionCache" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "result" JSONB NOT NULL,

    CONSTRAINT "ExtractionCache_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ProcessedRequest" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedRequest_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Framework_name_key" ON "Framework"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Competency_frameworkId_name_key" ON "Competency"("frameworkId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "JobProfile_frameworkId_title_key" ON "JobProfile"("frameworkId", "title");

-- CreateIndex
CREATE INDEX "ProfileCompetency_competencyId_idx" ON "ProfileCompetency"("competencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Person_slackUserId_key" ON "Person"("slackUserId");

-- CreateIndex
CREATE INDEX "CompetencyRating_competencyId_idx" ON "CompetencyRating"("competencyId");

-- CreateIndex
CREATE UNIQUE INDEX "CompetencyRating_personId_competencyId_source_key" ON "CompetencyRating"("personId", "competencyId", "source");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_requestKey_key" ON "Assessment"("requestKey");

-- CreateIndex
CREATE INDEX "Assessment_actor_createdAt_idx" ON "Assessment"("actor", "createdAt");

-- CreateIndex
CREATE INDEX "Assessment_purgeAfter_idx" ON "Assessment"("purgeAfter");

-- CreateIndex
CREATE INDEX "AuditRecord_at_idx" ON "AuditRecord"("at");

-- AddForeignKey
ALTER TABLE "Competency" ADD CONSTRAINT "Competency_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "Framework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobProfile" ADD CONSTRAINT "JobProfile_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "Framework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileCompetency" ADD CONSTRAINT "ProfileCompetency_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "JobProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileCompetency" ADD CONSTRAINT "ProfileCompetency_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "Competency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_currentProfileId_fkey" FOREIGN KEY ("currentProfileId") REFERENCES "JobProfile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompetencyRating" ADD CONSTRAINT "CompetencyRating_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompetencyRating" ADD CONSTRAINT "CompetencyRating_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "Competency"("id") ON DELETE CASCADE ON UPDATE CASCADE;
